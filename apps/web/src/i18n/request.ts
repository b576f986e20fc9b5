import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export const locales = ["en", "ko"] as const;
export type Locale = (typeof locales)[number];

function pick(value: string | undefined | null): Locale | null {
  if (!value) return null;
  const v = value.toLowerCase();
  return v.startsWith("ko") ? "ko" : v.startsWith("en") ? "en" : null;
}

/** The signed-in learner's saved language, for a browser that has no locale cookie yet. */
async function savedLocale(): Promise<Locale | null> {
  const user = await getSessionUser();
  if (!user) return null;
  const settings = await db.learnerSettings.findUnique({
    where: { userId: user.id },
    select: { locale: true },
  });
  return pick(settings?.locale);
}

/**
 * Locale: the locale cookie (set when the learner saves settings), else the learner's saved setting,
 * else the browser's language, else English.
 */
export default getRequestConfig(async () => {
  const cookieLocale =
    pick((await cookies()).get("strides-locale")?.value) ?? (await savedLocale());
  const accept = (await headers()).get("accept-language") ?? "";
  const browser = accept
    .split(",")
    .map((part) => pick(part.split(";")[0]?.trim()))
    .find((l) => l !== null);
  const locale: Locale = cookieLocale ?? browser ?? "en";
  const messages = (await import(`../messages/${locale}/index.ts`)).default;
  return { locale, messages, timeZone: "UTC" };
});
