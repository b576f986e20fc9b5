"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";

export function CreateTokenForm({
  action,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ token: string }>>;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm
      action={action}
      label={t("tokenCreate")}
      success={(r) => (
        <div className="card" role="status">
          <p>{t("tokenShownOnce")}</p>
          <input readOnly value={r.token} aria-label={t("tokenValue")} data-testid="new-token" />
        </div>
      )}
    >
      <label htmlFor="token-name">{t("tokenName")}</label>
      <input id="token-name" name="name" required maxLength={60} />
      <FieldError field="name" />
      <p>
        <button type="submit" className="primary">
          {t("tokenCreate")}
        </button>
      </p>
    </ActionForm>
  );
}
