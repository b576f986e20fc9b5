/** One line of the bench table. `baseline` is measured in the same run; `ratio` = value / baseline. */
export interface BenchRow {
  measure: string;
  value: number;
  unit: string;
  baseline?: number;
  /** e.g. "≤ 30 ms", "≥ 0.5× baseline" */
  target?: string;
  /** Whether the target is met, when the bench can tell. */
  met?: boolean;
  /** Spread of repeated runs, in % of the median. */
  spreadPct?: number;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

/** Median of a sample. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The `p` quantile (0 < p ≤ 1) of a sample by nearest rank: the smallest value with at least
 * p of the sample at or below it (NaN when empty). The one percentile of every bench.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] as number;
}

/** (max - min) / median of repeated measures, in %. */
export function spreadPct(values: number[]): number {
  const m = median(values);
  return m === 0 ? 0 : ((Math.max(...values) - Math.min(...values)) / m) * 100;
}
