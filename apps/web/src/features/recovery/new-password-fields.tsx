"use client";
// The parts both reset pages share (a staff link, a mailed link): the new password twice, and the
// message once it is set.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NewPasswordInput } from "@/features/auth/new-password-input";

/** The new password and its confirmation; `after(field)` is shown under each (its error). */
export function NewPasswordFields({
  after,
}: {
  after?: (field: "password" | "confirm") => ReactNode;
}) {
  const t = useTranslations("recovery");
  return (
    <>
      <NewPasswordInput id="new-password" name="password" label={t("newPassword")} />
      {after?.("password")}
      <label htmlFor="confirm-password">{t("confirmPassword")}</label>
      <input
        id="confirm-password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      {after?.("confirm")}
    </>
  );
}

export function PasswordChanged() {
  const t = useTranslations("recovery");
  return (
    <p role="status" className="card">
      {t("passwordChanged")} <Link href="/sign-in">{t("signIn")}</Link>
    </p>
  );
}
