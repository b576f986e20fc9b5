// The card browser's search: the learner's decks, by text (front, back, tags, heading path), deck,
// note, scheduling state, due and leech. One indexed query plus the learner's states of the page.
// "Due today" and "overdue" are the review queue's (listDueCards: the home page, the review screen
// and the group dashboard count the same cards); with them, the matching cards are found among the
// due ones in chunks and the page is read by id.
import { deckWhere } from "../access/deck-access.ts";
import type { Db, Prisma } from "../client.ts";
import { listDeckIdsForUser } from "../decks/list-decks-for-user.ts";
import { listDueCards } from "../review/list-due-cards.ts";

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
  take?: number;
  skip?: number;
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

export interface CardSearchResult {
  total: number;
  rows: CardSearchRow[];
}

function stateWhere(userId: string, o: SearchCardsOptions): Prisma.CardWhereInput[] {
  const and: Prisma.CardWhereInput[] = [];
  switch (o.state) {
    case "new":
      and.push({ states: { none: { userId, OR: [{ state: { not: 0 } }, { suspended: true }] } } });
      break;
    case "learning":
      and.push({ states: { some: { userId, state: { in: [1, 3] }, suspended: false } } });
      break;
    case "review":
      and.push({ states: { some: { userId, state: 2, suspended: false } } });
      break;
    case "suspended":
      and.push({ states: { some: { userId, suspended: true } } });
      break;
    default:
      break;
  }
  if (o.leech) and.push({ states: { some: { userId, leech: true } } });
  return and;
}

/** Due ids per statement: well inside both databases' bound-value limits. */
const CHUNK = 500;

/**
 * The ids of the cards matching `where` among those due (today or overdue) for the learner, in the
 * browser's order (deck, position, id).
 */
async function matchingDueCards(
  o: SearchCardsOptions,
  where: Prisma.CardWhereInput,
): Promise<string[]> {
  const mine = await listDeckIdsForUser({ db: o.db, userId: o.userId });
  const deckIds = o.deckId ? mine.filter((id) => id === o.deckId) : mine;
  if (deckIds.length === 0) return [];
  const due = await listDueCards({ db: o.db, userId: o.userId, deckIds, now: o.now });
  const ids = due.cards.filter((c) => o.due === "today" || c.overdue).map((c) => c.cardId);
  const found: { id: string; deckId: string; position: number }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    found.push(
      ...(await o.db.card.findMany({
        where: { AND: [where, { id: { in: ids.slice(i, i + CHUNK) } }] },
        select: { id: true, deckId: true, position: true },
      })),
    );
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return found
    .sort((a, b) => cmp(a.deckId, b.deckId) || a.position - b.position || cmp(a.id, b.id))
    .map((c) => c.id);
}

export async function searchCards(o: SearchCardsOptions): Promise<CardSearchResult> {
  const { db, userId } = o;
  const words = (o.query ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const where: Prisma.CardWhereInput = {
    retiredAt: null,
    deck: deckWhere("deck.review", { userId, instanceRole: "user" }),
    ...(o.deckId ? { deckId: o.deckId } : {}),
    ...(o.notePath ? { note: { path: o.notePath } } : {}),
    AND: [
      ...words.map(
        (w): Prisma.CardWhereInput => ({
          OR: [
            { searchText: { contains: w } },
            { tags: { contains: w } },
            { context: { contains: w } },
          ],
        }),
      ),
      ...stateWhere(userId, o),
    ],
  };
  const take = Math.min(o.take ?? 50, 200);
  const skip = o.skip ?? 0;
  const read = (page: Prisma.CardWhereInput, window: { take?: number; skip?: number }) =>
    db.card.findMany({
      where: page,
      orderBy: [{ deckId: "asc" }, { position: "asc" }, { id: "asc" }],
      ...window,
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
  let total: number;
  let cards: Awaited<ReturnType<typeof read>>;
  if (o.due) {
    const ids = await matchingDueCards(o, where);
    total = ids.length;
    cards = await read({ id: { in: ids.slice(skip, skip + take) } }, {});
  } else {
    [total, cards] = await Promise.all([db.card.count({ where }), read(where, { take, skip })]);
  }
  return {
    total,
    rows: cards.map((c) => ({
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
