// The card browser's search: the learner's decks, by text (front, back, tags, heading path), deck,
// note, scheduling state, due and leech. The matching cards are counted and a page of their ids read
// in SQL (cardFilter), then the page's cards with the learner's states by id.
// "Due today" and "overdue" are the review queue's (listDueCards: the home page, the review screen
// and the group dashboard count the same cards); with them, the matching cards are found among the
// due ones in chunks and the page is read by id.
import { parseOrThrow } from "@strides/content";
import { deckAccessSql } from "../access/deck-access.ts";
import type { Db, Prisma } from "../client.ts";
import { listDeckIdsForUser } from "../decks/list-decks-for-user.ts";
import { type Paged, pageSlice, readPage, ZPageRequest } from "../paging.ts";
import { listDueCards } from "../review/list-due-cards.ts";
import { num, sql } from "../review/sql-values.ts";
import { containsText, type SqlProvider } from "../sql-dialect.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

export const CARD_STATE_FILTERS = ["new", "learning", "review", "suspended"] as const;
export type TCardStateFilter = (typeof CARD_STATE_FILTERS)[number];
export const CARD_DUE_FILTERS = ["today", "overdue"] as const;
export type TCardDueFilter = (typeof CARD_DUE_FILTERS)[number];

export interface SearchCardsOptions {
  db: Db;
  userId: string;
  /** Words, all of which must occur in the card's text, tags or heading path. */
  query?: string;
  deckId?: string;
  notePath?: string;
  state?: TCardStateFilter;
  due?: TCardDueFilter;
  leech?: boolean;
  /** The time of the search: the due filters take the learner's day and queue at that time. */
  now: Date;
  /** The page, from 1 (a page past the last shows the last), of `pageSize` cards (default 50). */
  page?: number;
  pageSize?: number;
}

export interface CardSearchRow {
  id: string;
  kind: string;
  deckId: string;
  deckName: string;
  /** The first line of the card's text. */
  title: string;
  context: string;
  tags: string[];
  notePath: string | null;
  state: {
    state: number;
    due: Date;
    stability: number;
    difficulty: number;
    reps: number;
    lapses: number;
    suspended: boolean;
    leech: boolean;
  } | null;
}

/** A page of the matching cards (the paging rule of paging.ts). */
export type CardSearchResult = Paged<CardSearchRow>;

/** A condition on the learner's state of card c. */
const hasState = (userId: string, condition: Prisma.Sql) =>
  sql`EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${userId} AND s."cardId" = c."id"
    AND ${condition})`;

function stateFilter(o: SearchCardsOptions): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  switch (o.state) {
    case "new":
      and.push(sql`NOT ${hasState(o.userId, sql`(s."state" <> 0 OR s."suspended" = true)`)}`);
      break;
    case "learning":
      and.push(hasState(o.userId, sql`s."state" IN (1, 3) AND s."suspended" = false`));
      break;
    case "review":
      and.push(hasState(o.userId, sql`s."state" = 2 AND s."suspended" = false`));
      break;
    case "suspended":
      and.push(hasState(o.userId, sql`s."suspended" = true`));
      break;
    default:
      break;
  }
  if (o.leech) and.push(hasState(o.userId, sql`s."leech" = true`));
  return and;
}

/** The columns a word is looked for in: the card's text, its tags and its heading path. */
const TEXT_COLUMNS = ['c."searchText"', 'c."tags"', 'c."context"'].map((c) => sql.raw(c));

/**
 * The search as a condition on card c (`FROM "Card" c`): in SQL, so that a word is matched by the
 * search boxes' one rule (containsText: literal, ASCII case ignored, the same on both databases),
 * which Prisma's `contains` cannot express (it neither escapes `%` and `_` nor ignores case on
 * Postgres). The decks are the learner's by the deck rule (deckAccessSql).
 */
function cardFilter(provider: SqlProvider, o: SearchCardsOptions): Prisma.Sql {
  const words = (o.query ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const and: Prisma.Sql[] = [
    sql`c."retiredAt" IS NULL`,
    sql`c."deckId" IN (SELECT ad."id" FROM "Deck" ad
      WHERE ${deckAccessSql("deck.review", o.userId, sql.raw('ad."id"'))})`,
  ];
  if (o.deckId) and.push(sql`c."deckId" = ${o.deckId}`);
  if (o.notePath) {
    and.push(sql`c."noteId" IN (SELECT n."id" FROM "Note" n WHERE n."path" = ${o.notePath})`);
  }
  for (const w of words) {
    const anywhere = TEXT_COLUMNS.map((column) => containsText(provider, column, w));
    and.push(sql`(${sql.join(anywhere, " OR ")})`);
  }
  and.push(...stateFilter(o));
  return sql.join(and, " AND ");
}

/** Due ids per statement: well inside both databases' bound-value limits. */
const CHUNK = 500;

/**
 * The ids of the cards matching the search among those due (today or overdue) for the learner, in
 * the browser's order (deck, position, id).
 */
async function matchingDueCards(o: SearchCardsOptions): Promise<string[]> {
  const mine = await listDeckIdsForUser({ db: o.db, userId: o.userId });
  const deckIds = o.deckId ? mine.filter((id) => id === o.deckId) : mine;
  if (deckIds.length === 0) return [];
  const due = await listDueCards({ db: o.db, userId: o.userId, deckIds, now: o.now });
  const ids = due.cards.filter((c) => o.due === "today" || c.overdue).map((c) => c.cardId);
  const runner = sqlRunnerOf(o.db);
  const filter = cardFilter(runner.provider, o);
  const found: { id: string; deckId: string; position: number }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await runner.query(sql`SELECT c."id" AS "id", c."deckId" AS "deckId",
        c."position" AS "position"
      FROM "Card" c WHERE c."id" IN (${sql.join(ids.slice(i, i + CHUNK))}) AND ${filter}`);
    found.push(
      ...rows.map((r) => ({
        id: String(r.id),
        deckId: String(r.deckId),
        position: num(r.position),
      })),
    );
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return found
    .sort((a, b) => cmp(a.deckId, b.deckId) || a.position - b.position || cmp(a.id, b.id))
    .map((c) => c.id);
}

/** A page of the matching cards' ids in the browser's order, by the one paging rule. */
async function matchingPage(o: SearchCardsOptions): Promise<Paged<string>> {
  const request = { page: o.page, pageSize: o.pageSize };
  if (o.due) {
    const { page, pageSize } = parseOrThrow(ZPageRequest, request, "page");
    return pageSlice(await matchingDueCards(o), page, pageSize);
  }
  const runner = sqlRunnerOf(o.db);
  const filter = cardFilter(runner.provider, o);
  return readPage(
    request,
    async () =>
      num((await runner.query(sql`SELECT COUNT(*) AS "n" FROM "Card" c WHERE ${filter}`))[0]?.n),
    async (window) =>
      (
        await runner.query(sql`SELECT c."id" AS "id" FROM "Card" c WHERE ${filter}
          ORDER BY c."deckId", c."position", c."id" LIMIT ${window.take} OFFSET ${window.skip}`)
      ).map((r) => String(r.id)),
  );
}

export async function searchCards(o: SearchCardsOptions): Promise<CardSearchResult> {
  const { db, userId } = o;
  const ids = await matchingPage(o);
  // The page's rows by id, in the same order.
  const read = (where: Prisma.CardWhereInput) =>
    db.card.findMany({
      where,
      orderBy: [{ deckId: "asc" }, { position: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        deckId: true,
        searchText: true,
        context: true,
        tags: true,
        deck: { select: { name: true } },
        note: { select: { path: true } },
        states: {
          where: { userId },
          select: {
            state: true,
            due: true,
            stability: true,
            difficulty: true,
            reps: true,
            lapses: true,
            suspended: true,
            leech: true,
          },
        },
      },
    });
  const cards = ids.items.length === 0 ? [] : await read({ id: { in: ids.items } });
  return {
    ...ids,
    items: cards.map((c) => ({
      id: c.id,
      kind: c.kind,
      deckId: c.deckId,
      deckName: c.deck.name,
      title: (c.searchText.split("\n").find((l) => l.trim() !== "") ?? "").slice(0, 200),
      context: c.context,
      tags: c.tags.split(" ").filter(Boolean),
      notePath: c.note?.path ?? null,
      state: c.states[0] ?? null,
    })),
  };
}
