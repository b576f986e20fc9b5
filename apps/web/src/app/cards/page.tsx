import "katex/dist/katex.min.css";
import {
  CARD_DUE_FILTERS,
  CARD_STATE_FILTERS,
  getCardFaces,
  listDecksForUser,
  searchCards,
  type TCardDueFilter,
  type TCardStateFilter,
} from "@strides/db";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CardFront } from "@/features/cards/card-front";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

const PAGE = 50;

export async function generateMetadata() {
  const t = await getTranslations("cards");
  return { title: `${t("title")} · Strides` };
}

type Search = {
  q?: string;
  deck?: string;
  state?: string;
  due?: string;
  leech?: string;
  note?: string;
  page?: string;
};

export default async function CardsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("cards");
  const tr = await getTranslations("review");
  const q = await searchParams;
  const state = CARD_STATE_FILTERS.find((s) => s === q.state) as TCardStateFilter | undefined;
  const due = CARD_DUE_FILTERS.find((s) => s === q.due) as TCardDueFilter | undefined;
  const page = Math.max(0, Number.parseInt(q.page ?? "0", 10) || 0);
  const now = new Date();
  const decks = await listDecksForUser({ db, userId: user.id });
  const deck = decks.find((d) => d.id === q.deck);
  const result = await searchCards({
    db,
    userId: user.id,
    ...(q.q ? { query: q.q } : {}),
    ...(deck ? { deckId: deck.id } : {}),
    ...(q.note ? { notePath: q.note } : {}),
    ...(state ? { state } : {}),
    ...(due ? { due } : {}),
    leech: q.leech === "1",
    now,
    take: PAGE,
    skip: page * PAGE,
  });
  const stateName = (s: number | undefined, suspended: boolean) =>
    suspended
      ? t("stateSuspended")
      : s === undefined || s === 0
        ? t("stateNew")
        : s === 2
          ? t("stateReview")
          : t("stateLearning");
  const pageHref = (p: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...q, page: String(p) }).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    );
    return `/cards?${params.toString()}`;
  };
  const format = await getFormatter();
  const fmt = { format: (d: Date) => format.dateTime(d, "day") };
  const lang = (await getLocale()) === "ko" ? "ko" : "en";
  const faces = await getCardFaces({ db, cardIds: result.rows.map((r) => r.id) });
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="filters" aria-label={t("search")}>
        <div>
          <label htmlFor="q">{t("search")}</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q.q ?? ""}
            placeholder={t("searchPlaceholder")}
          />
        </div>
        <div>
          <label htmlFor="deck">{t("deck")}</label>
          <select id="deck" name="deck" defaultValue={deck?.id ?? ""}>
            <option value="">{t("allDecks")}</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="state">{t("state")}</label>
          <select id="state" name="state" defaultValue={state ?? ""}>
            <option value="">{t("any")}</option>
            <option value="new">{t("stateNew")}</option>
            <option value="learning">{t("stateLearning")}</option>
            <option value="review">{t("stateReview")}</option>
            <option value="suspended">{t("stateSuspended")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="due">{t("due")}</label>
          <select id="due" name="due" defaultValue={due ?? ""}>
            <option value="">{t("any")}</option>
            <option value="today">{t("dueToday")}</option>
            <option value="overdue">{t("dueOverdue")}</option>
          </select>
        </div>
        <div>
          <label>
            <input
              type="checkbox"
              name="leech"
              value="1"
              defaultChecked={q.leech === "1"}
              style={{ width: "auto" }}
            />{" "}
            {t("leech")}
          </label>
        </div>
        {q.note ? <input type="hidden" name="note" value={q.note} /> : null}
        <div>
          <button type="submit" className="primary">
            {t("apply")}
          </button>
        </div>
      </form>
      {q.note ? (
        <p>
          {t("note")}: <code>{q.note}</code>
        </p>
      ) : null}
      <p role="status" data-testid="card-count">
        {t("results", { count: result.total })}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("colCard")}</th>
              <th scope="col">{t("colDeck")}</th>
              <th scope="col">{t("colState")}</th>
              <th scope="col">{t("colDue")}</th>
              <th scope="col">{t("colLapses")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/cards/${encodeURIComponent(r.id)}`} data-testid="card-front">
                    <CardFront
                      content={faces.get(r.id)?.content}
                      lang={lang}
                      fallback={r.title || r.kind}
                    />
                  </Link>
                  <div className="muted small">{r.context}</div>
                  {r.tags.length > 0 ? (
                    <div className="tags">
                      {r.tags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))}
                    </div>
                  ) : null}
                </td>
                <td>{r.deckName}</td>
                <td>
                  {stateName(r.state?.state, r.state?.suspended ?? false)}
                  {r.state?.leech ? ` · ${t("isLeech")}` : ""}
                </td>
                <td>{r.state && r.state.state !== 0 ? fmt.format(r.state.due) : "—"}</td>
                <td>{r.state?.lapses ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("title")} className="review-tools" style={{ marginTop: "1rem" }}>
        {page > 0 ? <Link href={pageHref(page - 1)}>{t("previous")}</Link> : null}
        {(page + 1) * PAGE < result.total ? (
          <Link href={pageHref(page + 1)}>{t("next")}</Link>
        ) : null}
      </nav>
      <p className="muted small">
        <Link href="/review">{tr("title")}</Link>
      </p>
    </>
  );
}
