"use server";
// The feature's only server actions: saving settings (also sets the theme and language cookies).
import { isAppError } from "@strides/content";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/session";
import { loadLearnerSettings } from "./data";
import { saveLearnerSettings } from "./mutations";
import { OVERRIDABLE_FIELDS, type TOverridableField, ZSettingsForm } from "./schema";

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
  const current = await loadLearnerSettings(user.id);
  const allowed = new Set(
    OVERRIDABLE_FIELDS.filter((f) => current.options[f] !== undefined),
  ) as Set<TOverridableField>;
  try {
    await saveLearnerSettings({ userId: user.id, form: parsed.data, allowed });
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
