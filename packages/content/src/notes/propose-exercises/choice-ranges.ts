/**
 * Parameter ranges made from a note's own numbers: a list of choices that starts with the note's
 * values (so one variant can be the note's own example) and adds a few neighbours, all within the
 * bounds the generator accepts.
 */

export interface Bounds {
  min: number;
  max: number;
}

/**
 * The note's values (those inside the bounds, at most `max`), then the extras, without repeats.
 * Undefined when nothing is left.
 */
export function choices(
  noteValues: readonly number[],
  extras: readonly number[],
  bounds: Bounds,
  max = 4,
): number[] | undefined {
  const out: number[] = [];
  const ok = (v: number) => Number.isInteger(v) && v >= bounds.min && v <= bounds.max;
  for (const v of noteValues) if (ok(v) && !out.includes(v) && out.length < max) out.push(v);
  const fromNote = out.length;
  for (const v of extras) {
    if (out.length >= Math.max(max, fromNote + 1)) break;
    if (ok(v) && !out.includes(v)) out.push(v);
  }
  return out.length > 0 ? out : undefined;
}

/** The note's values with their halves and doubles: 128 → 128, 64, 256. */
export function halvesAndDoubles(values: readonly number[]): number[] {
  return values.flatMap((v) => [v / 2, v * 2]);
}

/** Odd neighbours of kernel sizes: 3 → 5, 1; 11 → 9, 13. */
export function kernelNeighbours(values: readonly number[]): number[] {
  return values.flatMap((v) => [v + 2, v - 2]);
}

/** Adds `key: value` to the ranges only when the value is defined. */
export function put<T extends Record<string, unknown>>(
  ranges: T,
  key: string,
  value: number | string | (number | string)[] | undefined,
): T {
  if (value !== undefined) (ranges as Record<string, unknown>)[key] = value;
  return ranges;
}
