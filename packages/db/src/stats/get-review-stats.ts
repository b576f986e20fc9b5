// A learner's review statistics (heatmap, true retention, time spent, streak) over the last year.
// The database groups the logs into quarter hours (a learner's day boundary never splits one:
// time-zone offsets and day-start hours are whole quarter hours); those few thousand rows are then
// assigned to learner days here, in time order, so the day computation is cached between them.
import type { Db } from "../client.ts";
import { num, sql } from "../review/sql-values.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { epochBucketOf } from "../sql-dialect.ts";
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
  const reader = readRunnerOf(o.db);
  const bucket = epochBucketOf(reader.provider, `l."reviewedAt"`, BUCKET_SECONDS);
  const decks = o.deckIds
    ? sql`AND l."deckId" IN (${sql.join(o.deckIds.length > 0 ? o.deckIds : [""])})`
    : sql``;
  const rows = await reader.query(sql`SELECT ${bucket} AS "bucket", COUNT(*) AS "reviews",
      SUM(l."durationMs") AS "timeMs",
      SUM(CASE WHEN l."stateBefore" = 2 THEN 1 ELSE 0 END) AS "mature",
      SUM(CASE WHEN l."stateBefore" = 2 AND l."rating" > 1 THEN 1 ELSE 0 END) AS "passed"
    FROM "ReviewLog" l
    WHERE l."userId" = ${o.userId} AND l."reviewedAt" >= ${since} ${decks}
    GROUP BY ${bucket}
    ORDER BY ${bucket}`);
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
