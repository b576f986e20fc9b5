import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/features/recovery/forgot-password-form";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** With SMTP configured, a reset link by mail; without, who to ask. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("recovery");
  return (
    <div style={{ maxWidth: 420, margin: "2rem auto" }}>
      <h1>{t("forgotTitle")}</h1>
      {env.SMTP_URL ? (
        <ForgotPasswordForm />
      ) : (
        <div className="card" data-testid="ask-instructor">
          <p>{t("askInstructor")}</p>
          <p className="muted">{t("askAdmin")}</p>
        </div>
      )}
      <p>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
      </p>
    </div>
  );
}
