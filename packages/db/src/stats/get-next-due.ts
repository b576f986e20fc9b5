// When the learner's next card falls due after `now` (for the end-of-session summary, and every
// request of a learner who has caught up: one statement on the driver, see sql-runner.ts).
import type { Db } from "../client.ts";
import { dateOrNull, sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

export async function getNextDue(o: {
  db: Db;
  userId: string;
  deckIds?: string[];
  now: Date;
}): Promise<Date | null> {
  if (o.deckIds?.length === 0) return null;
  const decks = o.deckIds ? sql`AND s."deckId" IN (${sql.join(o.deckIds)})` : sql.empty;
  const [row] = await sqlRunnerOf(o.db).query(sql`SELECT s.due AS due FROM "CardState" s
    JOIN "Card" c ON c.id = s."cardId"
    WHERE s."userId" = ${o.userId} AND s.suspended = false AND s.state <> 0
      AND s.due > ${o.now} AND c."retiredAt" IS NULL ${decks}
    ORDER BY s.due LIMIT 1`);
  return dateOrNull(row?.due);
}
