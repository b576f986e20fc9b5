import { describeResetLink } from "@strides/db";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { resetPasswordAction } from "@/features/recovery/actions";
import { ResetPasswordForm } from "@/features/recovery/reset-password-form";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** A reset link from a staff member, the admin or `npm run admin:reset`. */
export default async function ResetLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("recovery");
  const link = await describeResetLink({ db, token, now: new Date() });
  return (
    <div style={{ maxWidth: 420, margin: "2rem auto" }}>
      <h1>{t("resetTitle")}</h1>
      {link.ok ? (
        <>
          <p>{t("resetFor", { email: link.email })}</p>
          <ResetPasswordForm action={resetPasswordAction} token={token} />
        </>
      ) : (
        <p role="alert" className="error" data-testid="reset-link-refused">
          {t(`link_${link.reason}`)} <Link href="/forgot-password">{t("askAgain")}</Link>
        </p>
      )}
    </div>
  );
}
