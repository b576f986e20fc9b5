"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { useAuthErrorText } from "@/lib/use-auth-error-text";

export function SignInForm() {
  const t = useTranslations("signIn");
  const authError = useAuthErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await authClient.signIn.email({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    setPending(false);
    if (result.error) {
      setError(result.error.status === 429 ? authError(result.error) : t("failed"));
      return;
    }
    router.push("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("title")}</h1>
      <label htmlFor="email">{t("email")}</label>
      <input id="email" name="email" type="email" autoComplete="email" required />
      <label htmlFor="password">{t("password")}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary" disabled={pending}>
          {t("submit")}
        </button>
      </p>
    </form>
  );
}
