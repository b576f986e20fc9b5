"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { browserTimeZone } from "@/components/browser-time-zone";
import { NewPasswordInput } from "@/features/auth/new-password-input";
import { adoptTimeZoneAction } from "@/features/settings/actions";
import { authClient } from "@/lib/auth-client";
import { useAuthErrorText } from "@/lib/use-auth-error-text";

export function SignUpForm() {
  const t = useTranslations("signUp");
  const ts = useTranslations("signIn");
  const authError = useAuthErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await authClient.signUp.email({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (result.error) {
      setError(authError(result.error));
      return;
    }
    // The new learner's day starts on their own clock, not UTC's.
    await adoptTimeZoneAction(browserTimeZone());
    router.push("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t("title")}</h1>
      <label htmlFor="name">{t("name")}</label>
      <input id="name" name="name" autoComplete="name" required />
      <label htmlFor="email">{ts("email")}</label>
      <input id="email" name="email" type="email" autoComplete="email" required />
      <NewPasswordInput id="password" name="password" label={ts("password")} />
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary">
          {t("submit")}
        </button>
      </p>
    </form>
  );
}
