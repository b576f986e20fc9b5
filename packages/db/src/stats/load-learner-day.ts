import type { Db } from "../client.ts";
import { type LearnerDayOptions, learnerDayOf } from "../scheduling/learner-day.ts";

/** The learner's time zone and day start (UTC and 4 a.m. when never set). */
export async function loadLearnerDay(db: Db, userId: string): Promise<LearnerDayOptions> {
  const s = await db.learnerSettings.findUnique({
    where: { userId },
    select: { timeZone: true, dayStartHour: true },
  });
  return learnerDayOf(s);
}
