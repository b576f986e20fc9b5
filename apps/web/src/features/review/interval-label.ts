// An answer button's interval ("10m", "2d" / "10분", "2일") in the page's language, with Intl's
// unit formatting: the same steps as the review service's short labels (minutes under an hour,
// hours under a day, days under 30, months under a year, then years).

type Unit = "minute" | "hour" | "day" | "month" | "year";

export function intervalParts(ms: number): { value: number; unit: Unit } {
  const min = ms / 60_000;
  if (min < 60) return { value: Math.max(1, Math.round(min)), unit: "minute" };
  const h = min / 60;
  if (h < 24) return { value: Math.round(h), unit: "hour" };
  const d = h / 24;
  if (d < 30) return { value: Math.round(d), unit: "day" };
  if (d < 365) return { value: Math.round((d / 30) * 10) / 10, unit: "month" };
  return { value: Math.round((d / 365) * 10) / 10, unit: "year" };
}

export function formatIntervalLabel(ms: number, locale: string): string {
  const { value, unit } = intervalParts(ms);
  // English's narrow month ("2m") would read as minutes.
  const display = unit === "month" || unit === "year" ? "short" : "narrow";
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: display,
    maximumFractionDigits: 1,
  }).format(value);
}
