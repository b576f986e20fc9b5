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
    // Per learner, counts over the CardState index alone (userId, deckId, suspended, state, due),
    // minus the same counts over the decks' retired cards (few, found by primary key): the index
    // does not hold cardId, so excluding retired cards row by row would read the table.
    const decks = sql.join(o.deckIds);
    const due = (bound: string) => sql`(SELECT COUNT(*) FROM "CardState" cs
        WHERE cs."userId" = t."userId" AND cs."deckId" IN (${decks}) AND cs."suspended" = false
          AND cs."state" IN (1, 2, 3) AND cs."due" < ${sql.raw(bound)})
      - (SELECT COUNT(*) FROM "CardState" cs
        WHERE cs."userId" = t."userId" AND cs."cardId" IN (SELECT c."id" FROM "Card" c
            WHERE c."deckId" IN (${decks}) AND c."retiredAt" IS NOT NULL)
          AND cs."suspended" = false AND cs."state" IN (1, 2, 3) AND cs."due" < ${sql.raw(bound)})`;
    const rows =
      await reader.query(sql`WITH today ("userId", "dayStart", "dayEnd") AS (VALUES ${days})
      SELECT t."userId" AS "userId", ${due(`t."dayEnd"`)} AS "dueToday",
        ${due(`t."dayStart"`)} AS "overdue"
      FROM today t`);
    for (const r of rows) {
      out.set(String(r.userId), { dueToday: num(r.dueToday), overdue: num(r.overdue) });
    }
  }
  return out;
}
