import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MailedResetForm } from "@/features/recovery/mailed-reset-form";

export const dynamic = "force-dynamic";

/** Where a mailed reset link leads (better-auth adds `token`, or `error` when it is not valid). */
export default async function MailedResetPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>;
}) {
  const { token, error } = await searchParams;
  const t = await getTranslations("recovery");
  return (
    <div style={{ maxWidth: 420, margin: "2rem auto" }}>
      <h1>{t("resetTitle")}</h1>
      {token && !error ? (
        <MailedResetForm token={token} />
      ) : (
        <p role="alert" className="error">
          {t("linkInvalid")} <Link href="/forgot-password">{t("askAgain")}</Link>
        </p>
      )}
    </div>
  );
}
