// The learner's first settings: the browser's time zone, taken at sign-up or on the first visit.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { isTimeZone } from "./learner-settings.ts";

/**
 * Saves `timeZone` as the learner's time zone unless they already have settings (then nothing
 * changes: a zone chosen in settings is never overwritten). Returns whether it was adopted and the
 * zone in effect. BAD_INPUT for an unknown time zone.
 */
export async function adoptBrowserTimeZone(o: {
  db: Db;
  userId: string;
  timeZone: string;
}): Promise<{ adopted: boolean; timeZone: string }> {
  if (!isTimeZone(o.timeZone)) {
    throw new AppError("BAD_INPUT", `timeZone: unknown time zone "${o.timeZone}"`, {
      field: "timeZone",
    });
  }
  const existing = await o.db.learnerSettings.findUnique({
    where: { userId: o.userId },
    select: { timeZone: true },
  });
  if (existing) return { adopted: false, timeZone: existing.timeZone };
  // Another request may have created the row since: the upsert keeps theirs.
  const row = await o.db.learnerSettings.upsert({
    where: { userId: o.userId },
    create: { userId: o.userId, timeZone: o.timeZone },
    update: {},
    select: { timeZone: true },
  });
  return { adopted: row.timeZone === o.timeZone, timeZone: row.timeZone };
}
