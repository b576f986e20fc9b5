"use client";
// The invite page's action: join when signed in; otherwise sign in or create an account here first.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { browserTimeZone } from "@/components/browser-time-zone";
import { NewPasswordInput } from "@/features/auth/new-password-input";
import { adoptTimeZoneAction } from "@/features/settings/actions";
import { authClient } from "@/lib/auth-client";
import { SIGN_UP_FROM_INVITE_HEADER } from "@/lib/auth-error-text";
import { useAuthErrorText } from "@/lib/use-auth-error-text";
import { acceptInviteAction } from "./actions";

export function JoinGroup({ token, signedInAs }: { token: string; signedInAs: string | null }) {
  const t = useTranslations("groups");
  const authError = useAuthErrorText();
  const router = useRouter();
  const [mode, setMode] = useState<"sign-in" | "sign-up">("sign-up");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function join() {
    setPending(true);
    setError(null);
    const r = await acceptInviteAction(token);
    setPending(false);
    if (!r.ok) {
      setError(t.has(`errors.${r.error}`) ? t(`errors.${r.error}`) : r.error);
      return;
    }
    router.push(`/groups/${r.slug}?joined=1`);
    router.refresh();
  }

  async function authenticate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const r =
      mode === "sign-up"
        ? await authClient.signUp.email(
            { email, password, name: String(form.get("name") ?? "") },
            { headers: { [SIGN_UP_FROM_INVITE_HEADER]: token } },
          )
        : await authClient.signIn.email({ email, password });
    if (r.error) {
      setPending(false);
      setError(authError(r.error));
      return;
    }
    // One step: a new account joined the group in its own sign-up, as an account the group manages
    // (join() then finds it a member, or names why the invite failed); a signed-in one joins in
    // join(). A new account takes the learner's own clock.
    if (mode === "sign-up") await adoptTimeZoneAction(browserTimeZone());
    await join();
  }

  if (signedInAs) {
    return (
      <>
        <p className="muted">{t("signedInAs", { email: signedInAs })}</p>
        <button type="button" className="primary" onClick={join} disabled={pending}>
          {t("join")}
        </button>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <form
      onSubmit={authenticate}
      aria-label={mode === "sign-up" ? t("joinSignUp") : t("joinSignIn")}
    >
      <p>{mode === "sign-up" ? t("joinSignUp") : t("joinSignIn")}</p>
      {mode === "sign-up" ? <p className="muted">{t("joinSignUpNote")}</p> : null}
      {mode === "sign-up" ? (
        <>
          <label htmlFor="join-name">{t("name")}</label>
          <input id="join-name" name="name" required autoComplete="name" />
        </>
      ) : null}
      <label htmlFor="join-email">{t("email")}</label>
      <input id="join-email" name="email" type="email" required autoComplete="email" />
      {mode === "sign-up" ? (
        <NewPasswordInput id="join-password" name="password" label={t("password")} />
      ) : (
        <>
          <label htmlFor="join-password">{t("password")}</label>
          <input
            id="join-password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
          />
        </>
      )}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="primary" disabled={pending}>
          {mode === "sign-up" ? t("createAccount") : t("signIn")}
        </button>{" "}
        <button type="button" onClick={() => setMode(mode === "sign-up" ? "sign-in" : "sign-up")}>
          {mode === "sign-up" ? t("haveAccount") : t("needAccount")}
        </button>
      </p>
    </form>
  );
}
