import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/session";
import { deleteAccountAction } from "./actions";
import { DeleteAccountForm } from "./delete-form";
import { PasswordForm } from "./password-form";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{user.email}</p>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t("passwordTitle")}</h2>
        <PasswordForm />
      </section>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("exportTitle")}</h2>
        <p>{t("exportHelp")}</p>
        <a className="button" href="/settings/account/export" download>
          {t("exportDownload")}
        </a>
      </section>
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("tokensTitle")}</h2>
        <Link href="/settings/tokens">{t("manageTokens")}</Link>
      </section>
      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("deleteTitle")}</h2>
        <p>{t("deleteHelp")}</p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </>
  );
}
