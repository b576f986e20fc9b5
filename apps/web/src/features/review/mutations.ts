// Writes of the learner's settings (time zone, day start, language, theme, allowed overrides).
import "server-only";
import { AppError } from "@strides/content";
import { db } from "@/lib/db";
import type { TOverridableField, TSettingsForm } from "./schema";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function saveLearnerSettings(o: {
  userId: string;
  form: TSettingsForm;
  /** Options the learner's deck presets let them change. */
  allowed: Set<TOverridableField>;
}): Promise<void> {
  const { form } = o;
  if (!isTimeZone(form.timeZone)) {
    throw new AppError("BAD_INPUT", `unknown time zone "${form.timeZone}"`, { field: "timeZone" });
  }
  const current = await db.learnerSettings.findUnique({
    where: { userId: o.userId },
    select: { overrides: true },
  });
  let overrides: Record<string, unknown> = {};
  try {
    overrides = JSON.parse(current?.overrides ?? "{}") as Record<string, unknown>;
  } catch {
    overrides = {};
  }
  for (const field of ["desiredRetention", "newPerDay", "reviewsPerDay"] as const) {
    const v = form[field];
    if (o.allowed.has(field) && v !== undefined) overrides[field] = v;
  }
  const data = {
    timeZone: form.timeZone,
    dayStartHour: form.dayStartHour,
    locale: form.locale === "system" ? null : form.locale,
    theme: form.theme,
    overrides: JSON.stringify(overrides),
  };
  await db.learnerSettings.upsert({
    where: { userId: o.userId },
    create: { userId: o.userId, ...data },
    update: data,
  });
}
