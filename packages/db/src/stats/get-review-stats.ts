// A learner's review statistics (heatmap, true retention, time spent, streak) over the last year.
// Read from LearnerQuarterStats, the learner's reviews per quarter hour and deck that triggers keep
// beside ReviewLog (a learner's day boundary never splits a quarter hour: time-zone offsets and
// day-start hours are whole quarter hours); those rows (a few per study session) are then assigned
// to learner days here, in time order, so the day computation is cached between them.
import type { Db } from "../client.ts";
import { num, sql } from "../review/sql-values.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { readRunnerOf } from "../sql-runner.ts";
import { loadLearnerDay } from "./load-learner-day.ts";
import {
  type DayAggregate,
  type ReviewLogSummary,
  summarizeReviewDays,
} from "./summarize-review-logs.ts";

export interface GetReviewStatsOptions {
  db: Db;
  userId: string;
  /** Only these decks (default: every deck). */
  deckIds?: string[];
  now: Date;
  /** Days of history (default 365). */
  days?: number;
}

const BUCKET_SECONDS = 900;

export async function getReviewStats(o: GetReviewStatsOptions): Promise<ReviewLogSummary> {
  const day = await loadLearnerDay(o.db, o.userId);
  const days = o.days ?? 365;
  // Streaks may be longer than the window: read a little more history, bounded.
  const since = new Date(learnerDay(o.now, day).start.getTime() - (days + 1) * 86_400_000);
  const decks = o.deckIds
    ? sql`AND q."deckId" IN (${sql.join(o.deckIds.length > 0 ? o.deckIds : [""])})`
    : sql``;
  const rows = await readRunnerOf(o.db).query(sql`SELECT q."quarter" AS "bucket",
      SUM(q."reviews") AS "reviews", SUM(q."timeMs") AS "timeMs", SUM(q."mature") AS "mature",
      SUM(q."passed") AS "passed"
    FROM "LearnerQuarterStats" q
    WHERE q."userId" = ${o.userId} AND q."quarter" >= ${Math.floor(since.getTime() / (BUCKET_SECONDS * 1000))} ${decks}
    GROUP BY q."quarter"
    ORDER BY q."quarter"`);
  const byKey = new Map<string, DayAggregate>();
  for (const r of rows) {
    const key = learnerDay(new Date(num(r.bucket) * BUCKET_SECONDS * 1000), day).key;
    const a = byKey.get(key) ?? { key, reviews: 0, timeMs: 0, mature: 0, passed: 0 };
    a.reviews += num(r.reviews);
    a.timeMs += num(r.timeMs);
    a.mature += num(r.mature);
    a.passed += num(r.passed);
    byKey.set(key, a);
  }
  return summarizeReviewDays({ aggregates: [...byKey.values()], day, now: o.now, days });
}
