import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage() {
  const t = await getTranslations("signIn");
  const r = await getTranslations("recovery");
  return (
    <div style={{ maxWidth: 420, margin: "2rem auto" }}>
      <SignInForm />
      <p>
        <Link href="/forgot-password">{r("forgotPassword")}</Link>
      </p>
      <p className="muted">
        {t("noAccount")} <Link href="/sign-up">{t("signUp")}</Link>
      </p>
    </div>
  );
}
