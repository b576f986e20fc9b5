"use client";
// The page a mailed link leads to (better-auth's token in the query): the new password, twice.
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { NewPasswordFields, PasswordChanged } from "./new-password-fields";

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
    return <PasswordChanged />;
  }
  return (
    <form onSubmit={onSubmit} className="card" aria-label={t("setPassword")}>
      <NewPasswordFields />
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
