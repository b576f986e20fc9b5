import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewerSettings } from "@/lib/viewer-settings";
import { dateFormats, isTimeZone, type Locale, pageLocaleOf } from "./pick-locale";

export { type Locale, locales } from "./pick-locale";

/**
 * Locale: pageLocaleOf (the locale cookie, else the learner's saved setting, else the browser's
 * language, else English). Time zone: the learner's (every time the server renders is on the
 * viewer's clock); signed out, the browser's (cookie `strides-tz`), else UTC.
 */
export default getRequestConfig(async () => {
  const jar = await cookies();
  const viewer = await getViewerSettings();
  const locale: Locale = pageLocaleOf(await headers(), viewer?.locale);
  const messages = (await import(`../messages/${locale}/index.ts`)).default;
  const tzCookie = jar.get("strides-tz")?.value;
  const timeZone = viewer?.saved
    ? viewer.timeZone
    : tzCookie && isTimeZone(tzCookie)
      ? tzCookie
      : (viewer?.timeZone ?? "UTC");
  return { locale, messages, timeZone, formats: dateFormats(locale) };
});
