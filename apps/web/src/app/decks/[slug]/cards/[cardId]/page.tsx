import "katex/dist/katex.min.css";
import { isAppError } from "@strides/content";
import { getCardForEdit } from "@strides/db";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CardEditor, type EditorInitial } from "@/features/authoring/card-editor";
import { db } from "@/lib/db";
import { loadAuthorDeck } from "../../load-author-deck";

export const dynamic = "force-dynamic";

function toInitial(kind: string, c: Record<string, unknown>, tags: string): EditorInitial {
  const s = (k: string) => (typeof c[k] === "string" ? (c[k] as string) : "");
  switch (kind) {
    case "cloze":
      return { kind, text: s("text"), tags };
    case "listRecall":
      return {
        kind,
        front: s("front"),
        items: Array.isArray(c.items)
          ? (c.items as { text: string }[]).map((i) => `- ${i.text}`).join("\n")
          : "",
        ordered: c.ordered === true,
        tags,
      };
    case "exercise":
      return {
        kind,
        generator: s("generator"),
        params: c.params && Object.keys(c.params).length > 0 ? JSON.stringify(c.params) : "",
        prompt: s("prompt"),
        tags,
      };
    default:
      return { kind: "basic", front: s("front"), back: s("back"), extra: s("extra"), tags };
  }
}

export default async function EditCardPage({
  params,
}: {
  params: Promise<{ slug: string; cardId: string }>;
}) {
  const { slug, cardId } = await params;
  const { actor, deck } = await loadAuthorDeck(slug);
  const card = await getCardForEdit({ db, actor, deckId: deck.id, cardId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("authoring");
  return (
    <>
      <p>
        <Link href={`/decks/${deck.slug}`}>← {deck.name}</Link>
      </p>
      <h1>
        {t("editCard")} <span className="muted">v{card.version}</span>
      </h1>
      {card.retiredAt ? <p className="muted">{t("retired")}</p> : null}
      <CardEditor
        deckId={deck.id}
        deckSlug={deck.slug}
        cardId={card.id}
        initial={toInitial(card.kind, card.content, card.tags)}
      />
    </>
  );
}
