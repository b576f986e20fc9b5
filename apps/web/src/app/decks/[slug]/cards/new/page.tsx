import "katex/dist/katex.min.css";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CardEditor } from "@/features/authoring/card-editor";
import { loadAuthorDeck } from "../../load-author-deck";

export const dynamic = "force-dynamic";

export default async function NewCardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { deck } = await loadAuthorDeck(slug);
  const t = await getTranslations("authoring");
  return (
    <>
      <p>
        <Link href={`/decks/${deck.slug}`}>← {deck.name}</Link>
      </p>
      <h1>{t("newCard")}</h1>
      <CardEditor deckId={deck.id} deckSlug={deck.slug} initial={{ kind: "basic" }} />
    </>
  );
}
