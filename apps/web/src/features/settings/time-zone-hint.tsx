"use client";
// Next to the time-zone select: the browser's zone, with a button to choose it.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { browserTimeZone } from "@/components/browser-time-zone";

export function TimeZoneHint({ saved }: { saved: string }) {
  const t = useTranslations("experience");
  const [browser, setBrowser] = useState<string | null>(null);
  useEffect(() => setBrowser(browserTimeZone()), []);
  if (!browser) return null;
  if (browser === saved) {
    return (
      <p className="muted small" data-testid="tz-hint">
        {t("tzMatches", { zone: browser })}
      </p>
    );
  }
  return (
    <p className="small" data-testid="tz-hint">
      {t("tzDiffers", { zone: browser })}{" "}
      <button
        type="button"
        onClick={() => {
          const select = document.getElementById("timeZone") as HTMLSelectElement | null;
          if (select) select.value = browser;
        }}
      >
        {t("tzUse", { zone: browser })}
      </button>
    </p>
  );
}
