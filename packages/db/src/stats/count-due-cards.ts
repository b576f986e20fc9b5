// "Due today" and "overdue" for many learners in one query: the one definition the group
// dashboard uses (and any view that shows a learner's due count). A card counts when the learner
// has studied it (state ≠ New), it is not suspended, not retired, and due before the end of the
// learner's today (overdue: before its start), in the given decks. Buried cards count: they are due,
// only hidden for today. The learner's today (time zone, day-start hour) is computed by the caller.
import type { Db, Prisma } from "../client.ts";
import { num, sql } from "../review/sql-values.ts";
import { timestampParam } from "../sql-dialect.ts";
import { readRunnerOf, type SqlRunner } from "../sql-runner.ts";

export interface LearnerToday {
  userId: string;
  /** The learner's today: [start, end). */
  start: Date;
  end: Date;
}

export interface DueCount {
  dueToday: number;
  overdue: number;
}

/** Learners per statement: 3 bound values each, well inside SQLite's and Postgres's limits. */
const CHUNK = 2000;

/** Due and overdue counts per learner (every learner asked for is in the map, 0 when none). */
export async function countDueCards(o: {
  db: Db | Prisma.TransactionClient | SqlRunner;
  learners: LearnerToday[];
  deckIds: string[];
}): Promise<Map<string, DueCount>> {
  const out = new Map<string, DueCount>(
    o.learners.map((l) => [l.userId, { dueToday: 0, overdue: 0 }]),
  );
  if (o.learners.length === 0 || o.deckIds.length === 0) return out;
  const reader = readRunnerOf(o.db);
  const ts = (d: Date) => timestampParam(reader.provider, d);
  for (let i = 0; i < o.learners.length; i += CHUNK) {
    const chunk = o.learners.slice(i, i + CHUNK);
    const days = sql.join(
      chunk.map((l) => sql`(CAST(${l.userId} AS TEXT), ${ts(l.start)}, ${ts(l.end)})`),
    );
    const rows =
      await reader.query(sql`WITH today ("userId", "dayStart", "dayEnd") AS (VALUES ${days})
      SELECT cs."userId" AS "userId", COUNT(*) AS "dueToday",
        SUM(CASE WHEN cs."due" < t."dayStart" THEN 1 ELSE 0 END) AS "overdue"
      FROM today t
      JOIN "CardState" cs ON cs."userId" = t."userId"
      JOIN "Card" c ON c."id" = cs."cardId"
      WHERE cs."deckId" IN (${sql.join(o.deckIds)}) AND cs."suspended" = false
        AND cs."state" IN (1, 2, 3) AND cs."due" < t."dayEnd" AND c."retiredAt" IS NULL
      GROUP BY cs."userId"`);
    for (const r of rows) {
      out.set(String(r.userId), { dueToday: num(r.dueToday), overdue: num(r.overdue) });
    }
  }
  return out;
}
