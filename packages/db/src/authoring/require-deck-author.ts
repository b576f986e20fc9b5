// Who may author a deck: the admin, or an owner or instructor of a group subscribed to it.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import type { Actor } from "../groups/permissions.ts";
import { mayAuthorDeckSql, sql } from "../review/data.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

type Reader = Db | Prisma.TransactionClient;

const STAFF = { in: ["owner", "instructor"] };

export async function canAuthorDeck(options: {
  db: Reader;
  actor: Actor;
  deckId: string;
}): Promise<boolean> {
  const { db, actor, deckId } = options;
  if (actor.instanceRole === "admin") {
    return (await db.deck.count({ where: { id: deckId } })) === 1;
  }
  const link = await db.groupDeck.findFirst({
    where: { deckId, group: { memberships: { some: { userId: actor.userId, role: STAFF } } } },
    select: { deckId: true },
  });
  return link !== null;
}

/**
 * The deck's slug when the user may author it (the same rule as canAuthorDeck), else null: one
 * statement, for the review screen's "edit this card" link.
 */
export async function authorDeckSlug(options: {
  db: Reader;
  userId: string;
  deckId: string;
}): Promise<string | null> {
  const { userId, deckId } = options;
  const rows = await sqlRunnerOf(options.db).query(sql`SELECT d.slug FROM "Deck" d
    WHERE d.id = ${deckId} AND ${mayAuthorDeckSql(userId, sql.raw("d.id"))}`);
  const slug = rows[0]?.slug;
  return typeof slug === "string" ? slug : null;
}

/** Throws NOT_FOUND unless the actor may author the deck (a deck's existence is not revealed). */
export async function requireDeckAuthor(options: {
  db: Reader;
  actor: Actor;
  deckId: string;
}): Promise<void> {
  if (!(await canAuthorDeck(options))) throw new AppError("NOT_FOUND", "deck not found");
}

/** The deck by slug for its author, or NOT_FOUND. */
export async function getAuthorDeck(options: { db: Db; actor: Actor; slug: string }) {
  const deck = await options.db.deck.findUnique({
    where: { slug: options.slug },
    select: { id: true, slug: true, name: true, description: true },
  });
  if (!deck || !(await canAuthorDeck({ db: options.db, actor: options.actor, deckId: deck.id }))) {
    throw new AppError("NOT_FOUND", "deck not found");
  }
  return deck;
}

/** Decks the actor may author, with their groups. */
export async function listAuthorDecks(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  return db.deck.findMany({
    where:
      actor.instanceRole === "admin"
        ? {}
        : {
            groups: {
              some: { group: { memberships: { some: { userId: actor.userId, role: STAFF } } } },
            },
          },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
}
