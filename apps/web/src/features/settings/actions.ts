"use server";
// The settings feature's server actions: saving the settings form (also sets the theme and language
// cookies), and adopting the browser's time zone for a new learner.
import { type AppError, isAppError, parseOrThrow } from "@strides/content";
import { adoptBrowserTimeZone, saveLearnerSettings } from "@strides/db";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isTimeZone } from "@/i18n/pick-locale";
import { actionForm } from "@/lib/action-input";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";
import { ZSettingsForm } from "./schema";

const YEAR = 60 * 60 * 24 * 365;

/** The form's values sent back with an error, so nothing typed is lost (`v_<name>` in the query). */
const KEPT = [
  "timeZone",
  "dayStartHour",
  "locale",
  "theme",
  "desiredRetention",
  "newPerDay",
  "reviewsPerDay",
];

function back(error?: AppError, raw: Record<string, unknown> = {}): never {
  const q = new URLSearchParams(error ? { error: error.message } : { saved: "1" });
  if (error) {
    if (error.field) q.set("field", error.field);
    // The interface's text for it: the error's key and params (field names in the page's language).
    if (error.key) q.set("key", error.key);
    if (error.params) q.set("params", JSON.stringify(error.params));
    for (const name of KEPT) {
      const v = raw[name];
      if (typeof v === "string") q.set(`v_${name}`, v.slice(0, 64));
    }
  }
  redirect(`/settings?${q.toString()}`);
}

/** Saves the settings form; answers with a redirect to /settings (works without JavaScript). */
export async function saveSettingsAction(formData: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  let raw: Record<string, unknown> = {};
  let settings: z.infer<typeof ZSettingsForm>;
  try {
    raw = Object.fromEntries(
      [...actionForm(formData).entries()].filter(([, v]) => typeof v === "string" && v !== ""),
    );
    settings = parseOrThrow(ZSettingsForm, raw, "form");
    await saveLearnerSettings({ db, userId: user.id, settings });
  } catch (e) {
    if (isAppError(e)) back(e, raw);
    throw e;
  }
  const jar = await cookies();
  const opts = { path: "/", maxAge: YEAR, sameSite: "lax" as const };
  if (settings.locale === "system") jar.delete("strides-locale");
  else jar.set("strides-locale", settings.locale, opts);
  if (settings.theme === "system") jar.delete("strides-theme");
  else jar.set("strides-theme", settings.theme, opts);
  back();
}

const ZTimeZone = z.string().min(1).max(64).refine(isTimeZone, "unknown time zone");

export type AdoptTimeZoneResult =
  | { ok: true; adopted: boolean; timeZone: string }
  | { ok: false; code: "UNAUTHENTICATED" | "BAD_INPUT"; error: string };

/** Sign-up and the first visit send the browser's zone; settings already saved are kept. */
export async function adoptTimeZoneAction(timeZone: unknown): Promise<AdoptTimeZoneResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: "UNAUTHENTICATED", error: "not signed in" };
  const parsed = ZTimeZone.safeParse(timeZone);
  if (!parsed.success) {
    return { ok: false, code: "BAD_INPUT", error: `timeZone: unknown time zone "${timeZone}"` };
  }
  const r = await adoptBrowserTimeZone({ db, userId: user.id, timeZone: parsed.data });
  return { ok: true, ...r };
}
