// The card browser's search: the learner's decks, by text (front, back, tags, heading path), deck,
// note, scheduling state, due and leech. One indexed query plus the learner's states of the page.
import { deckWhere } from "../access/deck-access.ts";
import type { Db, Prisma } from "../client.ts";

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
  /** Start and end of the learner's today (for the due filters). */
  dayStart: Date;
  dayEnd: Date;
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
  if (o.due === "today") {
    and.push({
      states: { some: { userId, state: { not: 0 }, suspended: false, due: { lt: o.dayEnd } } },
    });
  } else if (o.due === "overdue") {
    and.push({
      states: { some: { userId, state: { not: 0 }, suspended: false, due: { lt: o.dayStart } } },
    });
  }
  if (o.leech) and.push({ states: { some: { userId, leech: true } } });
  return and;
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
  const [total, cards] = await Promise.all([
    db.card.count({ where }),
    db.card.findMany({
      where,
      orderBy: [{ deckId: "asc" }, { position: "asc" }, { id: "asc" }],
      take: Math.min(o.take ?? 50, 200),
      skip: o.skip ?? 0,
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
    }),
  ]);
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
