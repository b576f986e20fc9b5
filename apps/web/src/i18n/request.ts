import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

export const locales = ["en", "ko"] as const;
export type Locale = (typeof locales)[number];

function pick(value: string | undefined | null): Locale | null {
  if (!value) return null;
  const v = value.toLowerCase();
  return v.startsWith("ko") ? "ko" : v.startsWith("en") ? "en" : null;
}

/** Locale: the learner's cookie (set from their settings), else the browser's language, else English. */
export default getRequestConfig(async () => {
  const cookieLocale = pick((await cookies()).get("strides-locale")?.value);
  const accept = (await headers()).get("accept-language") ?? "";
  const browser = accept
    .split(",")
    .map((part) => pick(part.split(";")[0]?.trim()))
    .find((l) => l !== null);
  const locale: Locale = cookieLocale ?? browser ?? "en";
  const messages = (await import(`../messages/${locale}/index.ts`)).default;
  return { locale, messages, timeZone: "UTC" };
});
