// The learner's first settings: the browser's time zone, taken at sign-up or on the first visit.
import "server-only";
import { db } from "@/lib/db";

/**
 * Saves `timeZone` as the learner's time zone unless they already have settings (then nothing
 * changes: a zone chosen in settings is never overwritten). Returns whether it was adopted.
 */
export async function adoptBrowserTimeZone(o: {
  userId: string;
  timeZone: string;
}): Promise<{ adopted: boolean; timeZone: string }> {
  const existing = await db.learnerSettings.findUnique({
    where: { userId: o.userId },
    select: { timeZone: true },
  });
  if (existing) return { adopted: false, timeZone: existing.timeZone };
  const row = await db.learnerSettings.upsert({
    where: { userId: o.userId },
    create: { userId: o.userId, timeZone: o.timeZone },
    update: {},
    select: { timeZone: true },
  });
  return { adopted: row.timeZone === o.timeZone, timeZone: row.timeZone };
}
