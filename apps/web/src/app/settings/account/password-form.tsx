"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { NewPasswordInput } from "@/features/auth/new-password-input";
import { authClient } from "@/lib/auth-client";
import { PASSWORD_LIMITS } from "@/lib/auth-error-text";
import { useAuthErrorText } from "@/lib/use-auth-error-text";

export function PasswordForm() {
  const t = useTranslations("account");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const authError = useAuthErrorText();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirm") ?? "")) {
      setMessage({ ok: false, text: t("passwordMismatch") });
      return;
    }
    setPending(true);
    const r = await authClient.changePassword({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword,
      revokeOtherSessions: true,
    });
    setPending(false);
    if (r.error) {
      setMessage({ ok: false, text: authError(r.error) });
      return;
    }
    formEl.reset();
    setMessage({ ok: true, text: t("passwordChanged") });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("passwordTitle")}>
      <label htmlFor="current-password">{t("currentPassword")}</label>
      <input
        id="current-password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
      />
      <NewPasswordInput id="new-password" name="newPassword" label={t("newPassword")} />
      <label htmlFor="confirm-password">{t("confirmPassword")}</label>
      <input
        id="confirm-password"
        name="confirm"
        type="password"
        required
        minLength={PASSWORD_LIMITS.min}
        autoComplete="new-password"
      />
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? undefined : "error"}>
          {message.text}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary" disabled={pending}>
          {t("changePassword")}
        </button>
      </p>
    </form>
  );
}
