import { loadLearnerSettings } from "@strides/db";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { saveSettingsAction } from "@/features/settings/actions";
import { settingsErrorText } from "@/features/settings/error-from-query";
import { TimeZoneHint } from "@/features/settings/time-zone-hint";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: `${t("title")} · Strides` };
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("settings");
  const tx = await getTranslations("experience");
  const q = await searchParams;
  const tErrors = await getTranslations("errors");
  const tFields = await getTranslations("errorFields");
  // Only the interface's own text, never the query's (error-from-query.ts).
  const errorText = q.error ? settingsErrorText(q, tErrors, tFields) : null;
  /** What the learner typed, sent back with an error (nothing typed is lost), else the saved value. */
  const kept = (name: string, saved: string | number) => q[`v_${name}`] ?? String(saved);
  const s = await loadLearnerSettings({ db, userId: user.id });
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(s.timeZone)) zones.unshift(s.timeZone);
  const opts = s.options;
  return (
    <>
      <h1>{t("title")}</h1>
      {q.saved ? (
        <p role="status" className="card" data-testid="settings-saved">
          {t("saved")}
        </p>
      ) : null}
      {errorText ? (
        <p role="alert" className="error">
          {errorText}
        </p>
      ) : null}
      <form action={saveSettingsAction} className="form-grid">
        <fieldset>
          <legend>{t("general")}</legend>
          <label htmlFor="timeZone">{t("timeZone")}</label>
          <select id="timeZone" name="timeZone" defaultValue={kept("timeZone", s.timeZone)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <TimeZoneHint saved={s.timeZone} />
          <label htmlFor="dayStartHour">{t("dayStartHour")}</label>
          <select
            id="dayStartHour"
            name="dayStartHour"
            defaultValue={kept("dayStartHour", String(s.dayStartHour))}
            aria-describedby="dayStartHelp"
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {`${String(h).padStart(2, "0")}:00`}
              </option>
            ))}
          </select>
          <p className="muted small" id="dayStartHelp">
            {t("dayStartHelp")}
          </p>
        </fieldset>
        <fieldset>
          <legend>{t("interface")}</legend>
          <label htmlFor="locale">{t("language")}</label>
          <select id="locale" name="locale" defaultValue={kept("locale", s.locale)}>
            <option value="system">{t("languageSystem")}</option>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
          <label htmlFor="theme">{t("theme")}</label>
          <select id="theme" name="theme" defaultValue={kept("theme", s.theme)}>
            <option value="system">{t("themeSystem")}</option>
            <option value="light">{t("themeLight")}</option>
            <option value="dark">{t("themeDark")}</option>
          </select>
        </fieldset>
        <fieldset>
          <legend>{t("scheduling")}</legend>
          {Object.keys(opts).length === 0 ? (
            <p className="muted">{t("schedulingNone")}</p>
          ) : (
            <p className="muted small">{t("schedulingHelp")}</p>
          )}
          {opts.desiredRetention !== undefined ? (
            <>
              <label htmlFor="desiredRetention">{t("desiredRetention")}</label>
              <input
                id="desiredRetention"
                name="desiredRetention"
                type="number"
                min={0.7}
                max={0.99}
                step={0.01}
                defaultValue={kept("desiredRetention", opts.desiredRetention)}
                aria-describedby="desiredRetentionHelp"
              />
              <p className="muted small" id="desiredRetentionHelp">
                {t("desiredRetentionHelp")}
              </p>
            </>
          ) : null}
          {opts.newPerDay !== undefined ? (
            <>
              <label htmlFor="newPerDay">{t("newPerDay")}</label>
              <input
                id="newPerDay"
                name="newPerDay"
                type="number"
                min={0}
                max={9999}
                defaultValue={kept("newPerDay", opts.newPerDay)}
              />
            </>
          ) : null}
          {opts.reviewsPerDay !== undefined ? (
            <>
              <label htmlFor="reviewsPerDay">{t("reviewsPerDay")}</label>
              <input
                id="reviewsPerDay"
                name="reviewsPerDay"
                type="number"
                min={0}
                max={99999}
                defaultValue={kept("reviewsPerDay", opts.reviewsPerDay)}
              />
            </>
          ) : null}
        </fieldset>
        <p>
          <button type="submit" className="primary">
            {t("save")}
          </button>
        </p>
      </form>
      <ul>
        <li>
          <a href="/settings/account" data-testid="account-link">
            {tx("accountLink")}
          </a>
        </li>
        <li>
          <a href="/settings/tokens">{t("tokens")}</a>
        </li>
      </ul>
    </>
  );
}
