// What every page needs of the signed-in viewer's settings: their language and time zone.
import type { Db } from "../client.ts";
import { DEFAULT_LEARNER_DAY } from "../scheduling/learner-day.ts";

export interface ViewerSettings {
  /** False until the learner's settings were first saved (sign-up, first visit or settings page). */
  saved: boolean;
  locale: string | null;
  timeZone: string;
}

/** The viewer's saved language (null: the browser's) and time zone (UTC until saved). */
export async function loadViewerSettings(o: { db: Db; userId: string }): Promise<ViewerSettings> {
  const s = await o.db.learnerSettings.findUnique({
    where: { userId: o.userId },
    select: { locale: true, timeZone: true },
  });
  return {
    saved: s !== null,
    locale: s?.locale ?? null,
    timeZone: s?.timeZone ?? DEFAULT_LEARNER_DAY.timeZone,
  };
}
