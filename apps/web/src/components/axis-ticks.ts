// A bar plot's y axis: a round top and the ticks whose labels are true. A plot formats its values
// (counts as whole numbers, minutes to a tenth): a tick at 0.5 of a count axis would read "1", and
// a top of 0.02 minutes would read "0" (the axis said "0, 1, 1" or "0, 0, 0").

/** The round number at or above `max` (1, 2, 5 × a power of ten). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  const m = max / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** A label says its value when it reads back as that number (a label that is no number stands). */
function says(label: string, value: number): boolean {
  const read = Number(label);
  return Number.isNaN(read) || Math.abs(read - value) <= 1e-9 * Math.max(1, Math.abs(value));
}

/**
 * The axis for values up to `max` in `format`: its top (round, and a value the format shows as
 * itself) and the ticks to label (0, the middle when the format can show it, the top).
 */
export function yAxisOf(
  max: number,
  format: (v: number) => string,
): { top: number; ticks: { value: number; label: string }[] } {
  let top = niceMax(max);
  for (let i = 0; i < 12 && !says(format(top), top); i++) top = niceMax(top * 1.5);
  const ticks = [0, top / 2, top]
    .map((value) => ({ value, label: format(value) }))
    .filter((t) => says(t.label, t.value));
  return { top, ticks };
}
