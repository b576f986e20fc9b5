// ReviewLog.hasSiblings for logs written without it (a backup from before the column): the logs of
// cards that share their siblingKey with another card. Idempotent; the migration that added the
// column runs the same statement.
export const MARK_SIBLING_LOGS_SQL = `UPDATE "ReviewLog" SET "hasSiblings" = true
  WHERE "hasSiblings" = false AND "cardId" IN (SELECT c.id FROM "Card" c
    WHERE EXISTS (SELECT 1 FROM "Card" c2 WHERE c2."siblingKey" = c."siblingKey" AND c2.id <> c.id))`;
