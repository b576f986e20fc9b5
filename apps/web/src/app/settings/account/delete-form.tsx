"use client";
import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";

export function DeleteAccountForm({
  action,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm action={action} confirm={t("deleteConfirm")} label={t("deleteTitle")}>
      <label htmlFor="delete-password">{t("currentPassword")}</label>
      <input
        id="delete-password"
        name="password"
        type="password"
        required
        autoComplete="current-password"
      />
      <FieldError field="password" />
      <p>
        <button type="submit" className="danger">
          {t("deleteAccount")}
        </button>
      </p>
    </ActionForm>
  );
}
