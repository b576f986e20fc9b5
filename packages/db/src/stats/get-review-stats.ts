// A learner's review statistics (heatmap, true retention, time spent, streak) over the last year.
// Read from LearnerQuarterStats, the learner's reviews per quarter hour and deck that triggers keep
// beside ReviewLog (a learner's day boundary never splits a quarter hour: time-zone offsets and
// day-start hours are whole quarter hours), summed per learner day in SQL: at most a row per day
// reaches JavaScript, whatever the number of reviews or study sessions.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { num, sql } from "../review/sql-values.ts";
import {
  dayNumberKey,
  type LearnerDayOptions,
  type LearnerDaySegment,
  learnerDay,
  learnerDaySegments,
} from "../scheduling/learner-day.ts";
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

const BUCKET_MS = 900_000;

export async function getReviewStats(o: GetReviewStatsOptions): Promise<ReviewLogSummary> {
  const day = await loadLearnerDay(o.db, o.userId);
  const days = o.days ?? 365;
  // Streaks may be longer than the window: read a little more history, bounded.
  const since = learnerDay(o.now, day).start.getTime() - (days + 1) * 86_400_000;
  const decks = o.deckIds
    ? sql`AND q."deckId" IN (${sql.join(o.deckIds.length > 0 ? o.deckIds : [""])})`
    : sql``;
  const first = Math.floor(since / BUCKET_MS);
  const rows = await readRunnerOf(o.db).query(sql`SELECT d."day" AS "day",
      SUM(d."reviews") AS "reviews", SUM(d."timeMs") AS "timeMs", SUM(d."mature") AS "mature",
      SUM(d."passed") AS "passed"
    FROM (SELECT ${learnerDayOfQuarter(since, o.now.getTime() + 86_400_000, day)} AS "day",
        q."reviews" AS "reviews", q."timeMs" AS "timeMs", q."mature" AS "mature",
        q."passed" AS "passed"
      FROM "LearnerQuarterStats" q
      WHERE q."userId" = ${o.userId} AND q."quarter" >= ${first} ${decks}) d
    GROUP BY d."day"
    ORDER BY d."day"`);
  const aggregates: DayAggregate[] = rows.map((r) => ({
    key: dayNumberKey(num(r.day)),
    reviews: num(r.reviews),
    timeMs: num(r.timeMs),
    mature: num(r.mature),
    passed: num(r.passed),
  }));
  return summarizeReviewDays({ aggregates, day, now: o.now, days });
}

/**
 * SQL for the learner-day number of quarter hour `q."quarter"`: (quarter + shift) / 96 in
 * integers, with the shift (UTC offset less the day-start hour, in quarter hours) of each span of
 * constant offset over [fromMs, toMs]. Offsets and start hours are whole quarter hours, so a day
 * never splits a quarter; the same integer arithmetic on SQLite and Postgres.
 */
function learnerDayOfQuarter(fromMs: number, toMs: number, day: LearnerDayOptions) {
  const segments = learnerDaySegments(fromMs, toMs, day);
  const shift = (s: LearnerDaySegment) => {
    const quarters = s.shiftMs / BUCKET_MS;
    if (!Number.isInteger(quarters)) {
      throw new AppError("BAD_INPUT", `time zone offset of ${day.timeZone} is not whole quarters`, {
        field: "timeZone",
      });
    }
    return sql`CAST(${quarters} AS INTEGER)`;
  };
  const [head, ...rest] = segments;
  if (!head) throw new Error("learnerDaySegments returned no segment");
  let expr = shift(head);
  if (rest.length > 0) {
    // The last change first: CASE picks the latest segment the quarter is in.
    const whens = [...rest]
      .reverse()
      .map((s) => sql`WHEN q."quarter" >= ${Math.ceil(s.fromMs / BUCKET_MS)} THEN ${shift(s)}`);
    expr = sql`CASE ${sql.join(whens, " ")} ELSE ${shift(head)} END`;
  }
  return sql`(q."quarter" + ${expr}) / 96`;
}
