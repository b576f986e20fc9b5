// What the deck page shows in place of its card table when there is no card to list: an empty deck
// says how to fill it (the deck page is its authors', who may do both); a search says it found none.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function EmptyDeck({ slug, query }: { slug: string; query?: string | undefined }) {
  const t = await getTranslations("authoring");
  if (query) {
    return (
      <p className="card" role="status" data-testid="deck-no-match">
        {t("noCardMatches", { query })}
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="deck-empty-title" data-testid="deck-empty">
      <h2 id="deck-empty-title">{t("emptyDeckTitle")}</h2>
      <p>{t("emptyDeckHelp")}</p>
      <p>
        <Link className="button primary" href={`/decks/${slug}/cards/new`}>
          {t("emptyDeckWrite")}
        </Link>{" "}
        <Link className="button" href={`/decks/${slug}/import`}>
          {t("emptyDeckImport")}
        </Link>
      </p>
    </section>
  );
}
