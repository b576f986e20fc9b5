import "katex/dist/katex.min.css";
import {
  CARD_DUE_FILTERS,
  CARD_STATE_FILTERS,
  getCardFaces,
  listDecksForUser,
  PAGE_SIZE,
  searchCards,
  type TCardDueFilter,
  type TCardStateFilter,
} from "@strides/db";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { CardFront } from "@/features/cards/card-front";
import { db } from "@/lib/db";
import { listQuery, pageHref } from "@/lib/paging";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("cards");
  return { title: `${t("title")} · Strides` };
}

type Search = Record<string, string | string[] | undefined>;

/** A filter's value: one string, else none (a repeated parameter is ignored). */
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function CardsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("cards");
  const tr = await getTranslations("review");
  const params = await searchParams;
  // Pages count from 1 (`?page=`, the paging rule of the other lists); the old 0-based `?page=0`
  // is page 1 as well. A page past the last shows the last.
  const { q: text, page } = listQuery(params);
  const q = {
    deck: one(params.deck),
    state: one(params.state),
    due: one(params.due),
    leech: one(params.leech),
    note: one(params.note),
  };
  const state = CARD_STATE_FILTERS.find((s) => s === q.state) as TCardStateFilter | undefined;
  const due = CARD_DUE_FILTERS.find((s) => s === q.due) as TCardDueFilter | undefined;
  const now = new Date();
  const decks = await listDecksForUser({ db, userId: user.id });
  const deck = decks.find((d) => d.id === q.deck);
  const result = await searchCards({
    db,
    userId: user.id,
    ...(text ? { query: text } : {}),
    ...(deck ? { deckId: deck.id } : {}),
    ...(q.note ? { notePath: q.note } : {}),
    ...(state ? { state } : {}),
    ...(due ? { due } : {}),
    leech: q.leech === "1",
    now,
    page,
    pageSize: PAGE_SIZE,
  });
  const stateName = (s: number | undefined, suspended: boolean) =>
    suspended
      ? t("stateSuspended")
      : s === undefined || s === 0
        ? t("stateNew")
        : s === 2
          ? t("stateReview")
          : t("stateLearning");
  // The links keep the search and the filters.
  const href = (p: number) => pageHref("/cards", { q: text, ...q }, "page", p);
  const format = await getFormatter();
  const fmt = { format: (d: Date) => format.dateTime(d, "day") };
  const lang = (await getLocale()) === "ko" ? "ko" : "en";
  const faces = await getCardFaces({ db, cardIds: result.items.map((r) => r.id) });
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
            defaultValue={text ?? ""}
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
            {result.items.map((r) => (
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
      <Pager
        page={result.page}
        pages={result.pages}
        href={href}
        label={t("pages")}
        status={t("page", { page: result.page, pages: result.pages, total: result.total })}
        testId="card-pages"
      />
      <p className="muted small">
        <Link href="/review">{tr("title")}</Link>
      </p>
    </>
  );
}
