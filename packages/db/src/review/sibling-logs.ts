// Whether a card has siblings (another card shares its siblingKey): a review of it buries them for
// the rest of the day, and its log records the fact (ReviewLog.hasSiblings).

/** SQL condition: card `alias` shares its siblingKey with another card (a fixed alias, not input). */
export function cardHasSiblingsSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM "Card" c2 WHERE c2."siblingKey" = ${alias}."siblingKey"
    AND c2.id <> ${alias}.id)`;
}

/**
 * ReviewLog.hasSiblings for logs written without it (a backup from before the column). Idempotent;
 * the migration that added the column runs the same statement.
 */
export const MARK_SIBLING_LOGS_SQL = `UPDATE "ReviewLog" SET "hasSiblings" = true
  WHERE "hasSiblings" = false AND "cardId" IN (SELECT c.id FROM "Card" c
    WHERE ${cardHasSiblingsSql("c")})`;
