// What every page needs of the signed-in viewer's settings: their language and time zone.
import type { Db } from "../client.ts";
import { sql, str } from "../review/sql-values.ts";
import { DEFAULT_LEARNER_DAY } from "../scheduling/learner-day.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

export interface ViewerSettings {
  /** False until the learner's settings were first saved (sign-up, first visit or settings page). */
  saved: boolean;
  locale: string | null;
  timeZone: string;
}

/** The viewer's saved language (null: the browser's) and time zone (UTC until saved). */
export async function loadViewerSettings(o: { db: Db; userId: string }): Promise<ViewerSettings> {
  // Every page reads it: by the driver, not compiled by Prisma on the event loop each time.
  const [s] = await sqlRunnerOf(o.db).query(sql`SELECT locale, "timeZone" AS "timeZone"
    FROM "LearnerSettings" WHERE "userId" = ${o.userId}`);
  return {
    saved: s !== undefined,
    locale: str(s?.locale),
    timeZone: str(s?.timeZone) ?? DEFAULT_LEARNER_DAY.timeZone,
  };
}
