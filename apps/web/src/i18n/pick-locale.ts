// Which interface language a request gets; shared by the pages (request.ts) and the JSON API.
export const locales = ["en", "ko"] as const;
export type Locale = (typeof locales)[number];

export function pickLocale(value: string | undefined | null): Locale | null {
  if (!value) return null;
  const v = value.toLowerCase();
  return v.startsWith("ko") ? "ko" : v.startsWith("en") ? "en" : null;
}

/**
 * Named date formats (`format.dateTime(d, "when")`). Korean uses the 24-hour clock: CLDR's short
 * Korean day period is "AM/PM", which reads as English in a Korean sentence.
 */
export function dateFormats(locale: Locale) {
  const clock = locale === "ko" ? ({ hourCycle: "h23" } as const) : {};
  return {
    dateTime: {
      when: { dateStyle: "medium", timeStyle: "short", ...clock },
      day: { dateStyle: "medium" },
      /** A time of day with seconds (when the dashboard's figures were computed). */
      clock: { timeStyle: "medium", ...clock },
    },
  } as const;
}

/** A date and time as `format.dateTime(d, "when")` shows it, with Intl alone (client bundles). */
export function formatWhen(d: Date, locale: string, timeZone: string | undefined): string {
  const when = dateFormats(locale === "ko" ? "ko" : "en").dateTime.when;
  return new Intl.DateTimeFormat(locale, { ...when, ...(timeZone ? { timeZone } : {}) }).format(d);
}

/** The first language of an Accept-Language header we have messages for. */
export function browserLocale(acceptLanguage: string | null | undefined): Locale | null {
  return (
    (acceptLanguage ?? "")
      .split(",")
      .map((part) => pickLocale(part.split(";")[0]?.trim()))
      .find((l) => l !== null) ?? null
  );
}

/** True when `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The page's language, the one rule for pages (request.ts) and the routes a page calls (the import
 * preview): the locale cookie (set when the learner saves settings), else the learner's saved
 * language (`savedLocale`; "system" or null: none), else the browser's, else English.
 */
export function pageLocaleOf(
  headers: { get(name: string): string | null },
  savedLocale: string | null | undefined,
): Locale {
  const { lang, browserLang } = langChoiceOf(headers);
  return lang ?? pickLocale(savedLocale) ?? browserLang ?? "en";
}

/** The request's language choice for exercises: the locale cookie, and the browser's language. */
export function langChoiceOf(headers: { get(name: string): string | null }): {
  lang?: Locale;
  browserLang?: Locale;
} {
  const cookie = headers.get("cookie") ?? "";
  const m = /(?:^|;\s*)strides-locale=([^;]*)/.exec(cookie);
  const lang = pickLocale(m?.[1]);
  const browserLang = browserLocale(headers.get("accept-language"));
  return { ...(lang ? { lang } : {}), ...(browserLang ? { browserLang } : {}) };
}
