// Shown by the service worker when a page cannot be loaded without a connection (precached at
// install): what still works offline, and the way back to the review.
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("offline");
  return { title: `${t("pageTitle")} · Strides` };
}

export default async function OfflinePage() {
  const t = await getTranslations("offline");
  return (
    <section className="card" data-testid="offline-page">
      <h1>{t("pageTitle")}</h1>
      <p>{t("pageIntro")}</p>
      <h2>{t("stillWorks")}</h2>
      <ul>
        <li>{t("worksReview")}</li>
        <li>{t("worksKeys")}</li>
      </ul>
      <h2>{t("notWorking")}</h2>
      <p>{t("notWorkingList")}</p>
      <a className="button" href="/review">
        {t("openReview")}
      </a>
    </section>
  );
}
