"use client";
// The page a reset link opens: the new password, twice.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";

export function ResetPasswordForm({
  action,
  token,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string }>>;
  token: string;
}) {
  const t = useTranslations("recovery");
  return (
    <ActionForm
      action={action}
      label={t("setPassword")}
      success={() => (
        <p role="status" className="card">
          {t("passwordChanged")} <Link href="/sign-in">{t("signIn")}</Link>
        </p>
      )}
    >
      <input type="hidden" name="token" value={token} />
      <label htmlFor="new-password">{t("newPassword")}</label>
      <input
        id="new-password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
      />
      <FieldError field="password" />
      <label htmlFor="confirm-password">{t("confirmPassword")}</label>
      <input
        id="confirm-password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      <FieldError field="confirm" />
      <p>
        <button type="submit" className="primary">
          {t("setPassword")}
        </button>
      </p>
    </ActionForm>
  );
}
