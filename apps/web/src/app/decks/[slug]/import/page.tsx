import "katex/dist/katex.min.css";
import { isAppError } from "@strides/content";
import { getAuthorDeck } from "@strides/db";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/features/groups/actor";
import { ImportForm } from "@/features/import/import-form";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const deck = await getAuthorDeck({ db, actor, slug }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const t = await getTranslations("authoring");
  return (
    <>
      <p>
        <Link href={`/decks/${deck.slug}`}>← {deck.name}</Link>
      </p>
      <h1>{t("importTitle", { deck: deck.name })}</h1>
      <ImportForm slug={deck.slug} />
    </>
  );
}
