import "katex/dist/katex.min.css";
import { listDeckCardsForAuthor, PAGE_SIZE } from "@strides/db";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyDeck } from "@/features/authoring/empty-deck";
import { db } from "@/lib/db";
import { listQuery, pageHref } from "@/lib/paging";
import { DeckCardTable } from "./deck-card-table";
import { loadAuthorDeck } from "./load-author-deck";

export const dynamic = "force-dynamic";

export default async function DeckPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const { q, page } = listQuery(query);
  const { actor, deck } = await loadAuthorDeck(slug);
  const t = await getTranslations("authoring");
  // A page of the deck's cards: a school's deck of 1,000 rendered whole was 1.8 MB (issue 18).
  const cards = await listDeckCardsForAuthor({
    db,
    actor,
    deckId: deck.id,
    ...(q ? { query: q } : {}),
    page,
    pageSize: PAGE_SIZE,
  });
  const tx = await getTranslations("experience");
  // The search stays across pages; "saved" is a one-time confirmation and does not.
  const href = (p: number) => pageHref(`/decks/${deck.slug}`, { q }, "page", p);
  return (
    <>
      <h1>{deck.name}</h1>
      {query.saved === "1" ? (
        <p role="status" className="card" data-testid="editor-saved">
          {tx("savedCard")}
        </p>
      ) : null}
      {cards.total === 0 && !q ? (
        // An empty deck: what to do, in place of an empty table (and of a search of nothing).
        <EmptyDeck slug={deck.slug} />
      ) : (
        <>
          <p>
            <Link className="button primary" href={`/decks/${deck.slug}/cards/new`}>
              {t("newCard")}
            </Link>{" "}
            <Link className="button" href={`/decks/${deck.slug}/import`}>
              {t("import")}
            </Link>
          </p>
          <search>
            <form>
              <label htmlFor="card-search" className="visually-hidden">
                {t("search")}
              </label>
              <input id="card-search" name="q" defaultValue={q ?? ""} placeholder={t("search")} />
            </form>
          </search>
          {cards.total > 0 ? (
            <DeckCardTable deck={deck} cards={cards} href={href} />
          ) : (
            <EmptyDeck slug={deck.slug} query={q} />
          )}
        </>
      )}
    </>
  );
}
