"use client";
// "Forgot password" with mail configured: better-auth mails a reset link. The answer is the same
// whether or not an account has the address.
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";

export function ForgotPasswordForm() {
  const t = useTranslations("recovery");
  const [state, setState] = useState<"idle" | "pending" | "sent" | "failed">("idle");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setState("pending");
    const r = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    setState(r.error ? "failed" : "sent");
  }

  if (state === "sent") {
    return (
      <p role="status" className="card">
        {t("mailSent")}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="card" aria-label={t("forgotTitle")}>
      <label htmlFor="forgot-email">{t("email")}</label>
      <input id="forgot-email" name="email" type="email" autoComplete="email" required />
      {state === "failed" ? (
        <p role="alert" className="error">
          {t("mailFailed")}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary" disabled={state === "pending"}>
          {t("sendLink")}
        </button>
      </p>
    </form>
  );
}
