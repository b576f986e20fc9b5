"use client";
import { useFormatter, useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";

export function CreateTokenForm({
  action,
  isAdmin,
  days,
}: {
  action: (
    prev: unknown,
    form: FormData,
  ) => Promise<ActionResult<{ token: string; scope: string; expiresAt: string }>>;
  /** Only an instance administrator may make an admin-scope token. */
  isAdmin: boolean;
  days: { default: number; max: number };
}) {
  const t = useTranslations("account");
  const format = useFormatter();
  return (
    <ActionForm
      action={action}
      label={t("tokenCreate")}
      success={(r) => (
        <div className="card" role="status">
          <p>{t("tokenShownOnce")}</p>
          <input readOnly value={r.token} aria-label={t("tokenValue")} data-testid="new-token" />
          <p data-testid="new-token-expiry">
            {t("tokenExpiresAt", {
              when: format.dateTime(new Date(r.expiresAt), { dateStyle: "medium" }),
            })}{" "}
            ({r.scope})
          </p>
        </div>
      )}
    >
      <label htmlFor="token-name">{t("tokenName")}</label>
      <input id="token-name" name="name" required maxLength={80} />
      <FieldError field="name" />
      <label htmlFor="token-scope">{t("tokenScope")}</label>
      <select id="token-scope" name="scope" defaultValue="review">
        <option value="review">{t("tokenScopeReview")}</option>
        {isAdmin ? <option value="admin">{t("tokenScopeAdmin")}</option> : null}
      </select>
      <FieldError field="scope" />
      <label htmlFor="token-days">{t("tokenDays", { max: days.max })}</label>
      <input
        id="token-days"
        name="expiresInDays"
        type="number"
        min={1}
        max={days.max}
        defaultValue={days.default}
        required
      />
      <FieldError field="expiresInDays" />
      <p>
        <button type="submit" className="primary">
          {t("tokenCreate")}
        </button>
      </p>
    </ActionForm>
  );
}
