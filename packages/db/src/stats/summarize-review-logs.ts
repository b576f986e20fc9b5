// Review-log statistics computed in memory from a learner's logs: reviews and time per day, true
// retention per day, week and month, and the streak. Pure: the logs, the learner's day and `now`
// are parameters.
import type { LearnerDayOptions } from "../scheduling/learner-day.ts";
import { addDays, dayKeyOf, dayRange, monthKeyOf, weekKeyOf } from "./day-keys.ts";

export interface StatsLog {
  reviewedAt: Date;
  rating: number;
  /** ts-fsrs state before the review (2 = Review). */
  stateBefore: number;
  durationMs: number;
}

export interface DayActivity {
  key: string;
  reviews: number;
  timeMs: number;
}

export interface RetentionBucket {
  key: string;
  /** Reviews of cards in the Review state … */
  total: number;
  /** … that were recalled (rated Hard, Good or Easy). */
  passed: number;
}

export interface ReviewLogSummary {
  today: string;
  /** One entry per day, oldest first, `days` long and ending today (zero days included). */
  activity: DayActivity[];
  retention: { day: RetentionBucket[]; week: RetentionBucket[]; month: RetentionBucket[] };
  totals: { reviews: number; timeMs: number; activeDays: number };
  streak: { current: number; longest: number };
}

export interface SummarizeReviewLogsOptions {
  logs: StatsLog[];
  day: LearnerDayOptions;
  now: Date;
  /** How many days the activity covers (default 365). */
  days?: number;
}

const REVIEW_STATE = 2;

function bucketRetention(
  logs: { key: string; passed: boolean }[],
  keyOf: (dayKey: string) => string,
): RetentionBucket[] {
  const map = new Map<string, RetentionBucket>();
  for (const l of logs) {
    const k = keyOf(l.key);
    const b = map.get(k) ?? { key: k, total: 0, passed: 0 };
    b.total += 1;
    if (l.passed) b.passed += 1;
    map.set(k, b);
  }
  return [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Consecutive days with reviews: the current run ends today (or yesterday, before today's first review). */
export function computeStreak(
  activeDays: Set<string>,
  today: string,
): { current: number; longest: number } {
  let current = 0;
  let cursor = activeDays.has(today) ? today : addDays(today, -1);
  while (activeDays.has(cursor)) {
    current += 1;
    cursor = addDays(cursor, -1);
  }
  let longest = 0;
  let run = 0;
  let prev: string | null = null;
  for (const key of [...activeDays].sort()) {
    run = prev !== null && addDays(prev, 1) === key ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = key;
  }
  return { current, longest };
}

export function summarizeReviewLogs(o: SummarizeReviewLogsOptions): ReviewLogSummary {
  const today = dayKeyOf(o.now, o.day);
  const keys = dayRange(today, o.days ?? 365);
  const byDay = new Map<string, DayActivity>(
    keys.map((k) => [k, { key: k, reviews: 0, timeMs: 0 }]),
  );
  const keyed = o.logs.map((l) => ({ log: l, key: dayKeyOf(l.reviewedAt, o.day) }));
  const active = new Set<string>();
  let timeMs = 0;
  for (const { log, key } of keyed) {
    active.add(key);
    timeMs += log.durationMs;
    const d = byDay.get(key);
    if (d) {
      d.reviews += 1;
      d.timeMs += log.durationMs;
    }
  }
  const mature = keyed
    .filter(({ log }) => log.stateBefore === REVIEW_STATE)
    .map(({ log, key }) => ({ key, passed: log.rating > 1 }));
  return {
    today,
    activity: keys.map((k) => byDay.get(k) as DayActivity),
    retention: {
      day: bucketRetention(mature, (k) => k),
      week: bucketRetention(mature, weekKeyOf),
      month: bucketRetention(mature, monthKeyOf),
    },
    totals: { reviews: o.logs.length, timeMs, activeDays: active.size },
    streak: computeStreak(active, today),
  };
}
