// Calendar keys of learner days ("YYYY-MM-DD"), weeks (the Monday) and months ("YYYY-MM"), and
// runs of consecutive days. Pure: no clock, no database.
import { type LearnerDayOptions, learnerDay } from "../scheduling/learner-day.ts";

const DAY_MS = 86_400_000;

/** The learner-day key of an instant. */
export function dayKeyOf(at: Date, day: LearnerDayOptions): string {
  return learnerDay(at, day).key;
}

function keyToUtc(key: string): number {
  const [y, m, d] = key.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function utcToKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The key `n` days after `key` (negative for before). */
export function addDays(key: string, n: number): string {
  return utcToKey(keyToUtc(key) + n * DAY_MS);
}

/** Whole days from `a` to `b`. */
export function daysBetweenKeys(a: string, b: string): number {
  return Math.round((keyToUtc(b) - keyToUtc(a)) / DAY_MS);
}

/** The Monday of the ISO week holding `key`. */
export function weekKeyOf(key: string): string {
  const ms = keyToUtc(key);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return utcToKey(ms - weekday * DAY_MS);
}

export function monthKeyOf(key: string): string {
  return key.slice(0, 7);
}

/** `count` consecutive day keys ending with `last`. */
export function dayRange(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}
