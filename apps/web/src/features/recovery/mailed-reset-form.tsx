"use client";
// The page a mailed link leads to (better-auth's token in the query): the new password, twice.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";

export function MailedResetForm({ token }: { token: string }) {
  const t = useTranslations("recovery");
  const [state, setState] = useState<"idle" | "pending" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setError(t("passwordsDiffer"));
      return;
    }
    setState("pending");
    setError(null);
    const r = await authClient.resetPassword({ newPassword: password, token });
    if (r.error) {
      setState("idle");
      setError(t("linkInvalid"));
      return;
    }
    setState("done");
  }

  if (state === "done") {
    return (
      <p role="status" className="card">
        {t("passwordChanged")} <Link href="/sign-in">{t("signIn")}</Link>
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="card" aria-label={t("setPassword")}>
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
      <label htmlFor="confirm-password">{t("confirmPassword")}</label>
      <input
        id="confirm-password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary" disabled={state === "pending"}>
          {t("setPassword")}
        </button>
      </p>
    </form>
  );
}
