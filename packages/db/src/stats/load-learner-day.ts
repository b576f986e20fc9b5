import type { Db } from "../client.ts";
import { num, sql } from "../review/sql-values.ts";
import { type LearnerDayOptions, learnerDayOf } from "../scheduling/learner-day.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

/**
 * The learner's time zone and day start (UTC and 4 a.m. when never set). Each statistics function
 * reads it: one indexed row by the driver, without Prisma compiling the same query on the event
 * loop several times per page.
 */
export async function loadLearnerDay(db: Db, userId: string): Promise<LearnerDayOptions> {
  const [s] = await sqlRunnerOf(db).query(sql`SELECT "timeZone" AS "timeZone",
      "dayStartHour" AS "dayStartHour"
    FROM "LearnerSettings" WHERE "userId" = ${userId}`);
  return learnerDayOf(
    s ? { timeZone: String(s.timeZone), dayStartHour: num(s.dayStartHour) } : null,
  );
}
