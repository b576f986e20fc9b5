import "katex/dist/katex.min.css";
import { getCardFaces, listDeckCardsForAuthor, PAGE_SIZE } from "@strides/db";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { setRetiredAction } from "@/features/authoring/actions";
import { CardFront } from "@/features/cards/card-front";
import { SmallAction } from "@/features/groups/small-action";
import { db } from "@/lib/db";
import { listQuery, pageHref } from "@/lib/paging";
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
  const lang = (await getLocale()) === "ko" ? "ko" : "en";
  const faces = await getCardFaces({ db, cardIds: cards.items.map((c) => c.id) });
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
      <table data-testid="deck-cards">
        <thead>
          <tr>
            <th>{t("card")}</th>
            <th>{t("fields.kind")}</th>
            <th>{t("source")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cards.items.map((c) => (
            <tr key={c.id} className={c.retiredAt ? "muted" : undefined}>
              <td>
                <Link href={`/decks/${deck.slug}/cards/${c.id}`} data-testid="card-front">
                  <CardFront
                    content={faces.get(c.id)?.content}
                    lang={lang}
                    fallback={c.searchText.split("\n")[0]?.slice(0, 120) || c.key}
                  />
                </Link>
                {c.retiredAt ? ` (${t("retired")})` : ""}
              </td>
              <td>{t(`kinds.${c.kind}`)}</td>
              <td className="muted">
                {c.note?.path ?? ""}
                {c.lineStart ? `:${c.lineStart}` : ""}
              </td>
              <td>
                <SmallAction
                  action={setRetiredAction}
                  fields={{ deckId: deck.id, cardId: c.id, retired: c.retiredAt ? "0" : "1" }}
                  button={c.retiredAt ? t("restore") : t("retire")}
                  {...(c.retiredAt ? {} : { confirm: tx("retireConfirm"), danger: true })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={cards.page}
        pages={cards.pages}
        href={href}
        label={t("cardPages")}
        status={t("cardPage", { page: cards.page, pages: cards.pages, total: cards.total })}
        testId="deck-card-pages"
      />
    </>
  );
}
