// The deck rule (DECK_RULES in groups/permissions.ts) in the three forms the data functions need: a
// check that asks can(), an SQL condition for the review service's raw statements, and Prisma
// filters for list queries. The two query forms are built from the rule, never written by hand, and
// deck-access.integration.test.ts pins all three to can() over random memberships on both databases.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import {
  type Actor,
  can,
  DECK_RULES,
  type DeckAction,
  type GroupRole,
  isGroupRole,
} from "../groups/permissions.ts";
import { sql } from "../review/sql-values.ts";

type Reader = Db | Prisma.TransactionClient;

/** The user's roles in the groups subscribed to the deck (one per group; empty when none). */
export async function deckRolesOf(options: {
  db: Reader;
  userId: string;
  deckId: string;
}): Promise<GroupRole[]> {
  const rows = await options.db.membership.findMany({
    where: { userId: options.userId, group: { decks: { some: { deckId: options.deckId } } } },
    select: { role: true },
  });
  return rows.map((r) => r.role).filter(isGroupRole);
}

/** Whether the actor may do `action` on the deck: loads their roles there and asks can(). */
export async function canOnDeck(options: {
  db: Reader;
  actor: Actor;
  action: DeckAction;
  deckId: string;
}): Promise<boolean> {
  const { db, actor, action, deckId } = options;
  if (DECK_RULES[action].admin && actor.instanceRole === "admin") {
    return (await db.deck.count({ where: { id: deckId } })) === 1;
  }
  const roles = await deckRolesOf({ db, userId: actor.userId, deckId });
  return can({ actor, action, deck: { roles } });
}

/**
 * Throws unless the actor may do `action` on the deck: NOT_FOUND when they may not even read it (a
 * deck's existence is not revealed, and the message names nothing), FORBIDDEN when they read it
 * but may not do this.
 */
export async function requireOnDeck(options: {
  db: Reader;
  actor: Actor;
  action: DeckAction;
  deckId: string;
}): Promise<void> {
  if (await canOnDeck(options)) return;
  if (options.action !== "card.read" && (await canOnDeck({ ...options, action: "card.read" }))) {
    throw new AppError("FORBIDDEN", `not allowed: ${options.action}`, { key: "notAllowed" });
  }
  throw new AppError("NOT_FOUND", "deck not found", { key: "deckNotFound" });
}

/** The rule's group part as a Prisma filter on a GroupDeck link: the user has a role it allows. */
export function deckLinkWhere(action: DeckAction, userId: string): Prisma.GroupDeckWhereInput {
  return {
    group: { memberships: { some: { userId, role: { in: [...DECK_RULES[action].roles] } } } },
  };
}

/** The decks the actor may do `action` on, as a Prisma filter on Deck. */
export function deckWhere(action: DeckAction, actor: Actor): Prisma.DeckWhereInput {
  if (DECK_RULES[action].admin && actor.instanceRole === "admin") return {};
  return { groups: { some: deckLinkWhere(action, actor.userId) } };
}

/**
 * The rule's group part as an SQL condition on a membership: user `userId` (a bound id, or a column
 * for a statement over many users) has, in group `groupId`, a role the rule allows.
 */
export function memberMaySql(action: DeckAction, userId: string | Prisma.Sql, groupId: Prisma.Sql) {
  return sql`EXISTS (SELECT 1 FROM "Membership" am WHERE am."groupId" = ${groupId}
    AND am."userId" = ${userId} AND am.role IN (${sql.join([...DECK_RULES[action].roles])}))`;
}

/** Whether user `userId` may do `action` on deck `deckId`, as an SQL condition. */
export function deckAccessSql(action: DeckAction, userId: string, deckId: Prisma.Sql) {
  const viaGroup = sql`EXISTS (SELECT 1 FROM "GroupDeck" ag WHERE ag."deckId" = ${deckId}
    AND ${memberMaySql(action, userId, sql.raw('ag."groupId"'))})`;
  if (!DECK_RULES[action].admin) return sql`(${viaGroup})`;
  return sql`(EXISTS (SELECT 1 FROM "user" au WHERE au.id = ${userId} AND au.role = 'admin')
    OR ${viaGroup})`;
}
