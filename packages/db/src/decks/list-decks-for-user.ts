import { deckAccessSql, deckLinkWhere } from "../access/deck-access.ts";
import type { Db, Prisma } from "../client.ts";
import { sql } from "../review/review-reads.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

export interface DeckSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  cardCount: number;
  groups: { id: string; name: string }[];
}

/** Decks the user can study (deck.review): those subscribed by a group they belong to. */
export async function listDecksForUser(options: {
  db: Db;
  userId: string;
}): Promise<DeckSummary[]> {
  const { db, userId } = options;
  const decks = await db.deck.findMany({
    where: { groups: { some: deckLinkWhere("deck.review", userId) } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      _count: { select: { cards: { where: { retiredAt: null } } } },
      groups: {
        where: deckLinkWhere("deck.review", userId),
        select: { group: { select: { id: true, name: true } } },
      },
    },
  });
  return decks.map((d) => ({
    id: d.id,
    slug: d.slug,
    name: d.name,
    description: d.description,
    cardCount: d._count.cards,
    groups: d.groups.map((g) => g.group),
  }));
}

/** The ids of the decks the user studies (through their groups), in the order of listDecksForUser. */
export async function listDeckIdsForUser(options: {
  db: Db | Prisma.TransactionClient;
  userId: string;
}): Promise<string[]> {
  const rows = await sqlRunnerOf(options.db).query(sql`SELECT d.id FROM "Deck" d
    WHERE ${deckAccessSql("deck.review", options.userId, sql.raw("d.id"))}
    ORDER BY d.name, d.id`);
  return rows.map((r) => String(r.id));
}

/** A public summary of one deck by slug (for the demo landing page). */
export async function getDeckSummaryBySlug(options: { db: Db; slug: string }) {
  const deck = await options.db.deck.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      name: true,
      description: true,
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
  return deck
    ? { id: deck.id, name: deck.name, description: deck.description, cardCount: deck._count.cards }
    : null;
}
