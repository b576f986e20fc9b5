"use server";
// The settings feature's server actions: saving the settings form (also sets the theme and language
// cookies), and adopting the browser's time zone for a new learner.
import { isAppError } from "@strides/content";
import { adoptBrowserTimeZone, saveLearnerSettings } from "@strides/db";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isTimeZone } from "@/i18n/pick-locale";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";
import { ZSettingsForm } from "./schema";

const YEAR = 60 * 60 * 24 * 365;

function back(error?: { message: string; field?: string | undefined }): never {
  const q = new URLSearchParams(
    error
      ? { error: error.message, ...(error.field ? { field: error.field } : {}) }
      : { saved: "1" },
  );
  redirect(`/settings?${q.toString()}`);
}

/** Saves the settings form; answers with a redirect to /settings (works without JavaScript). */
export async function saveSettingsAction(formData: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const raw = Object.fromEntries(
    [...formData.entries()].filter(([, v]) => typeof v === "string" && v !== ""),
  );
  const parsed = ZSettingsForm.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "form";
    back({ message: `${field}: ${issue?.message ?? "invalid"}`, field });
  }
  try {
    await saveLearnerSettings({ db, userId: user.id, settings: parsed.data });
  } catch (e) {
    if (isAppError(e)) back({ message: e.message, field: e.field });
    throw e;
  }
  const jar = await cookies();
  const opts = { path: "/", maxAge: YEAR, sameSite: "lax" as const };
  if (parsed.data.locale === "system") jar.delete("strides-locale");
  else jar.set("strides-locale", parsed.data.locale, opts);
  if (parsed.data.theme === "system") jar.delete("strides-theme");
  else jar.set("strides-theme", parsed.data.theme, opts);
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
