// Every 404 (an unknown address, a page this account may not see) in the page's language.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p className="muted">{t("body")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </section>
  );
}
