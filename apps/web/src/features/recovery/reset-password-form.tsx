"use client";
// The page a reset link opens: the new password, twice.
import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";
import { NewPasswordFields, PasswordChanged } from "./new-password-fields";

export function ResetPasswordForm({
  action,
  token,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string }>>;
  token: string;
}) {
  const t = useTranslations("recovery");
  return (
    <ActionForm action={action} label={t("setPassword")} success={() => <PasswordChanged />}>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields after={(field) => <FieldError field={field} />} />
      <p>
        <button type="submit" className="primary">
          {t("setPassword")}
        </button>
      </p>
    </ActionForm>
  );
}
