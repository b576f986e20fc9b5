// Who may author a deck: the deck rule's `deck.author` (groups/permissions.ts): the admin, or an
// owner or instructor of a group subscribed to it.
import { AppError } from "@strides/content";
import { canOnDeck, deckAccessSql, deckWhere, requireOnDeck } from "../access/deck-access.ts";
import type { Db, Prisma } from "../client.ts";
import type { Actor } from "../groups/permissions.ts";
import { sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

type Reader = Db | Prisma.TransactionClient;

export async function canAuthorDeck(options: {
  db: Reader;
  actor: Actor;
  deckId: string;
}): Promise<boolean> {
  return canOnDeck({ ...options, action: "deck.author" });
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
    WHERE d.id = ${deckId} AND ${deckAccessSql("deck.author", userId, sql.raw("d.id"))}`);
  const slug = rows[0]?.slug;
  return typeof slug === "string" ? slug : null;
}

/**
 * Throws unless the actor may author the deck: NOT_FOUND when they cannot see it (its existence is
 * not revealed), FORBIDDEN when they study it but may not author it.
 */
export async function requireDeckAuthor(options: {
  db: Reader;
  actor: Actor;
  deckId: string;
}): Promise<void> {
  await requireOnDeck({ ...options, action: "deck.author" });
}

/** The deck by slug for its author; NOT_FOUND or FORBIDDEN as requireDeckAuthor. */
export async function getAuthorDeck(options: { db: Db; actor: Actor; slug: string }) {
  const deck = await options.db.deck.findUnique({
    where: { slug: options.slug },
    select: { id: true, slug: true, name: true, description: true },
  });
  if (!deck) throw new AppError("NOT_FOUND", "deck not found", { key: "deckNotFound" });
  await requireDeckAuthor({ db: options.db, actor: options.actor, deckId: deck.id });
  return deck;
}

/** Decks the actor may author, with their groups. */
export async function listAuthorDecks(options: { db: Db; actor: Actor }) {
  const { db, actor } = options;
  return db.deck.findMany({
    where: deckWhere("deck.author", actor),
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
}
