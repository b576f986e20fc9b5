import { isAppError } from "@strides/content";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { loadReviewStep } from "@/features/review/review-steps";
import { getSessionUser } from "@/lib/session";
import { ReviewSession } from "./review-session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: `${t("title")} · Strides` };
}

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<{ deck?: string | string[] }>;
}) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const raw = (await searchParams).deck;
  const deck = typeof raw === "string" && raw.length > 0 ? raw : undefined;
  const step = await loadReviewStep({
    userId: user.id,
    deck,
    now: new Date(),
    prefetch: true,
    // Exercises in the language this page is shown in.
    langs: { lang: (await getLocale()) === "ko" ? "ko" : "en" },
  }).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  });
  const t = await getTranslations("review");
  return (
    <>
      <h1 className="visually-hidden">{t("title")}</h1>
      <ReviewSession initial={step} deck={deck ?? null} viewer={user.id} />
    </>
  );
}
