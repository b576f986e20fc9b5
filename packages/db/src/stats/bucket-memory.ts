// Histograms of FSRS memory: stability (days, on a roughly logarithmic scale) and difficulty (1–10).
// Pure.

export interface HistogramBin {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound (Infinity for the last bin). */
  to: number;
  count: number;
}

export const STABILITY_EDGES = [
  0,
  1,
  3,
  7,
  14,
  30,
  90,
  180,
  365,
  Number.POSITIVE_INFINITY,
] as const;
export const DIFFICULTY_EDGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.POSITIVE_INFINITY] as const;

export function histogram(values: number[], edges: readonly number[]): HistogramBin[] {
  const bins: HistogramBin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    bins.push({ from: edges[i] as number, to: edges[i + 1] as number, count: 0 });
  }
  for (const v of values) {
    const bin =
      bins.find((b) => v >= b.from && v < b.to) ?? (v < (edges[0] ?? 0) ? bins[0] : undefined);
    if (bin) bin.count += 1;
  }
  return bins;
}
