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

/** A learner day's reviews: how many, their time, and the Review-state ones and how many passed. */
export interface DayAggregate {
  key: string;
  reviews: number;
  timeMs: number;
  mature: number;
  passed: number;
}

export interface SummarizeReviewDaysOptions {
  /** Per learner day (any order, a key at most once). */
  aggregates: DayAggregate[];
  day: LearnerDayOptions;
  now: Date;
  /** How many days the activity covers (default 365). */
  days?: number;
}

/** The summary from per-day aggregates (what the database's GROUP BY gives). */
export function summarizeReviewDays(o: SummarizeReviewDaysOptions): ReviewLogSummary {
  const today = dayKeyOf(o.now, o.day);
  const keys = dayRange(today, o.days ?? 365);
  const byKey = new Map(o.aggregates.map((a) => [a.key, a]));
  const active = new Set<string>();
  let reviews = 0;
  let timeMs = 0;
  for (const a of o.aggregates) {
    if (a.reviews > 0) active.add(a.key);
    reviews += a.reviews;
    timeMs += a.timeMs;
  }
  const retention = (keyOf: (dayKey: string) => string): RetentionBucket[] => {
    const map = new Map<string, RetentionBucket>();
    for (const a of o.aggregates) {
      if (a.mature === 0) continue;
      const k = keyOf(a.key);
      const b = map.get(k) ?? { key: k, total: 0, passed: 0 };
      b.total += a.mature;
      b.passed += a.passed;
      map.set(k, b);
    }
    return [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    today,
    activity: keys.map((k) => {
      const a = byKey.get(k);
      return { key: k, reviews: a?.reviews ?? 0, timeMs: a?.timeMs ?? 0 };
    }),
    retention: {
      day: retention((k) => k),
      week: retention(weekKeyOf),
      month: retention(monthKeyOf),
    },
    totals: { reviews, timeMs, activeDays: active.size },
    streak: computeStreak(active, today),
  };
}

/** The summary of a list of logs (aggregated per learner day, then as above). */
export function summarizeReviewLogs(o: SummarizeReviewLogsOptions): ReviewLogSummary {
  const byKey = new Map<string, DayAggregate>();
  for (const log of o.logs) {
    const key = dayKeyOf(log.reviewedAt, o.day);
    const a = byKey.get(key) ?? { key, reviews: 0, timeMs: 0, mature: 0, passed: 0 };
    a.reviews += 1;
    a.timeMs += log.durationMs;
    if (log.stateBefore === REVIEW_STATE) {
      a.mature += 1;
      if (log.rating > 1) a.passed += 1;
    }
    byKey.set(key, a);
  }
  return summarizeReviewDays({
    aggregates: [...byKey.values()],
    day: o.day,
    now: o.now,
    ...(o.days === undefined ? {} : { days: o.days }),
  });
}
