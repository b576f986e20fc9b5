"use server";
// The settings feature's server action: adopting the browser's time zone for a new learner.
import { z } from "zod";
import { isTimeZone } from "@/i18n/pick-locale";
import { getSessionUser } from "@/lib/session";
import { adoptBrowserTimeZone } from "./mutations";

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
  const r = await adoptBrowserTimeZone({ userId: user.id, timeZone: parsed.data });
  return { ok: true, ...r };
}
