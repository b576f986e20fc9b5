// The deck page's card list (a page of it) and its pager.
import { getCardFaces, type listDeckCardsForAuthor } from "@strides/db";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { setRetiredAction } from "@/features/authoring/actions";
import { CardFront } from "@/features/cards/card-front";
import { SmallAction } from "@/features/groups/small-action";
import { db } from "@/lib/db";

export async function DeckCardTable({
  deck,
  cards,
  href,
}: {
  deck: { id: string; slug: string };
  cards: Awaited<ReturnType<typeof listDeckCardsForAuthor>>;
  href: (page: number) => string;
}) {
  const t = await getTranslations("authoring");
  const tx = await getTranslations("experience");
  const lang = (await getLocale()) === "ko" ? "ko" : "en";
  const faces = await getCardFaces({ db, cardIds: cards.items.map((c) => c.id) });
  return (
    <>
      <div className="table-scroll">
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
      </div>
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
