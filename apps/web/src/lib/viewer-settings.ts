import "server-only";
import { cache } from "react";
import { db } from "./db";
import { getSessionUser } from "./session";

export interface ViewerSettings {
  /** False until the learner's settings were first saved (sign-up, first visit or settings page). */
  saved: boolean;
  locale: string | null;
  timeZone: string;
}

/** The signed-in viewer's language and time zone, read once per request; null when signed out. */
export const getViewerSettings = cache(async (): Promise<ViewerSettings | null> => {
  const user = await getSessionUser();
  if (!user) return null;
  const s = await db.learnerSettings.findUnique({
    where: { userId: user.id },
    select: { locale: true, timeZone: true },
  });
  return { saved: s !== null, locale: s?.locale ?? null, timeZone: s?.timeZone ?? "UTC" };
});
