// The queue's one statement (findQueueRows): see its comment and SCHEDULING.md, "Performance".
import type { Prisma } from "../client.ts";
import { type SqlRow, sqlRunnerOf } from "../sql-runner.ts";
import { dateOrNull, num, type SqlReader, sql } from "./sql-values.ts";

/** One row of the queue statement. */
export interface QueueRow {
  /**
   * "log" today's reviews of one deck and stateBefore (counted in n), "l" learning, "lc" learning
   * count, "r" review, "rc" review count, "n" new.
   */
  q: "log" | "l" | "lc" | "r" | "rc" | "n";
  cardId: string;
  deckId: string;
  kind: string;
  siblingKey: string;
  /** "log": stateBefore; "l", "r": the state. */
  state: number;
  due: Date | null;
  stability: number;
  lastReview: Date | null;
  /** "log", "lc", "rc": the count; "n": the card's position in its deck. */
  n: number;
}

export interface QueueDeckQuery {
  deckId: string;
  newCursor: number;
  /** Review rows to read, most overdue first (0: none). */
  reviews: number;
  /** Review cards to count at most (0: none): the daily limit. */
  reviewCount: number;
  /** New cards to read (0: none), up to the `newScan`-th live card from the cursor. */
  newCards: number;
  newScan: number;
}

export interface QueueQuery {
  userId: string;
  now: Date;
  dayStart: Date;
  dayEnd: Date;
  decks: QueueDeckQuery[];
  /** Learning rows returned per deck (the others are only counted). */
  learning: number;
  /** Learning rows counted at most per deck. */
  learningCap: number;
}

/** An integer inlined into the statement (never user text), so planners see real LIMITs. */
function int(n: number) {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`expected a count, got ${n}`);
  return sql.raw(String(n));
}

/**
 * Everything the queue needs in one statement: today's reviews counted per deck and state, and per
 * deck the first learning cards due by `now` with their count, the review window (most overdue
 * first) with the count of reviews due (up to the daily limit), and the new cards from the
 * learner's cursor, ranked. Retired, buried and buried-sibling cards are left out in SQL (for
 * reviews through the deck's set of hidden due cards, for new cards per card). Limits
 * are upper bounds computed from the presets; the caller cuts them to the exact windows once
 * today's reviews are known. Each branch walks an index: ReviewLog(userId, reviewedAt, deckId,
 * stateBefore) (covering: on SQLite the counts read no log row), ReviewLog(userId, hasSiblings,
 * reviewedAt)
 * (only today's reviews of cards with siblings are joined to their siblings),
 * CardState(userId, deckId, suspended, state, due, buriedUntil), Card(deckId, retiredAt, position, id),
 * Card(siblingKey), ReviewLog(cardId, reviewedAt), then primary keys. Dates are bound parameters in
 * the stored format (ISO with +00:00 on SQLite), so text comparison is exact.
 */
export async function findQueueRows(db: SqlReader, o: QueueQuery): Promise<QueueRow[]> {
  return queueRowsOf(await sqlRunnerOf(db).query(queueRowsSql(o)));
}

/** findQueueRows' statement, for a caller that sends it with another (queryInOrder). */
export function queueRowsSql(o: QueueQuery): Prisma.Sql {
  const { userId, now } = o;
  const ctes: Prisma.Sql[] = [];
  // Today's reviews counted per deck and state before (the daily limits), without reading them.
  const branches = [
    sql`SELECT 'log' AS q, '' AS "cardId", l."deckId", '' AS kind, '' AS "siblingKey",
      l."stateBefore" AS state, CAST(NULL AS TIMESTAMP) AS due,
      CAST(NULL AS FLOAT) AS stability, CAST(NULL AS TIMESTAMP) AS "lastReview", COUNT(*) AS n
      FROM "ReviewLog" l
      WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${o.dayStart}
      GROUP BY l."deckId", l."stateBefore"`,
  ];
  // New card c is buried as a sibling: another card of its note (Card(siblingKey)) was reviewed
  // today and c was not (ReviewLog(cardId, reviewedAt)). CASE keeps the order: a card alone in its note
  // costs one index probe.
  const siblingBuried = sql`(CASE WHEN EXISTS (SELECT 1 FROM "Card" c2
      WHERE c2."siblingKey" = c."siblingKey" AND c2.id <> c.id AND EXISTS (SELECT 1
        FROM "ReviewLog" t2 WHERE t2."cardId" = c2.id AND t2."userId" = ${userId}
          AND t2."reviewedAt" >= ${o.dayStart}))
    THEN NOT EXISTS (SELECT 1 FROM "ReviewLog" t WHERE t."cardId" = c.id
      AND t."userId" = ${userId} AND t."reviewedAt" >= ${o.dayStart})
    ELSE false END)`;
  o.decks.forEach((d, i) => {
    const lrn = sql.raw(`lrn${i}`);
    // The first learningCap learning cards by due, then those neither retired nor buried (as the
    // queue always counted them). Retirement is checked against the deck's retired cards (read
    // once from the Card index) rather than by a lookup per state.
    ctes.push(sql`${lrn} AS (SELECT s."cardId", s."deckId", s.state, s.due, s.stability,
        s."lastReview",
        (s."cardId" IN (SELECT r.id FROM "Card" r
            WHERE r."deckId" = ${d.deckId} AND r."retiredAt" IS NOT NULL)
          OR (s."buriedUntil" IS NOT NULL AND s."buriedUntil" > ${now})) AS hidden
      FROM "CardState" s
      WHERE s."userId" = ${userId} AND s."deckId" = ${d.deckId} AND s.suspended = false
        AND s.state IN (1, 3) AND s.due <= ${now}
      ORDER BY s.due LIMIT ${int(o.learningCap)})`);
    branches.push(
      sql`SELECT 'l' AS q, x."cardId", x."deckId", c.kind, c."siblingKey", x.state, x.due, x.stability, x."lastReview", CAST(0 AS BIGINT) AS n
        FROM (SELECT * FROM ${lrn} y WHERE NOT y.hidden ORDER BY y.due LIMIT ${int(o.learning)}) x
        JOIN "Card" c ON c.id = x."cardId"`,
      sql`SELECT 'lc' AS q, '' AS "cardId", '' AS "deckId", '' AS kind, '' AS "siblingKey",
        0 AS state, CAST(NULL AS TIMESTAMP) AS due, CAST(NULL AS FLOAT) AS stability,
        CAST(NULL AS TIMESTAMP) AS "lastReview", COUNT(*) AS n FROM ${lrn} x WHERE NOT x.hidden`,
    );
    if (d.reviews > 0 || d.reviewCount > 0) {
      // The learner's review cards of the deck due today (the state index), and among them the
      // hidden ones (hid): retired cards of the deck, and cards buried as siblings, found from
      // today's reviews of cards that have siblings; buried states are left out by the condition
      // itself. CROSS JOIN keeps SQLite's join order: the few retired cards and those reviews drive;
      // the siblings are found per review through a scalar subquery, so Postgres' generic plan
      // cannot start from every card of the deck instead (measured: 1.9 ms for an empty set).
      const hid = sql.raw(`hid${i}`);
      const dueState = sql`s."userId" = ${userId} AND s."deckId" = ${d.deckId}
        AND s.suspended = false AND s.state = 2 AND s.due < ${o.dayEnd}
        AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now})`;
      ctes.push(sql`${hid} AS (SELECT s."cardId" FROM "Card" r CROSS JOIN "CardState" s
          WHERE r."deckId" = ${d.deckId} AND r."retiredAt" IS NOT NULL AND s."cardId" = r.id
            AND ${dueState}
        UNION
        SELECT s."cardId" FROM "ReviewLog" l CROSS JOIN "Card" c2 CROSS JOIN "CardState" s
          WHERE l."userId" = ${userId} AND l."hasSiblings" = ${true}
            AND l."reviewedAt" >= ${o.dayStart}
            AND c2."siblingKey" = (SELECT k."siblingKey" FROM "Card" k WHERE k.id = l."cardId")
            AND c2.id <> l."cardId" AND s."cardId" = c2.id
            AND ${dueState}
            AND NOT EXISTS (SELECT 1 FROM "ReviewLog" t WHERE t."cardId" = c2.id
              AND t."userId" = ${userId} AND t."reviewedAt" >= ${o.dayStart}))`);
      if (d.reviews > 0) {
        // The most overdue shown ones, read in index order.
        branches.push(
          sql`SELECT * FROM (SELECT 'r' AS q, s."cardId", s."deckId", c.kind, c."siblingKey",
            s.state, s.due, s.stability, s."lastReview", CAST(0 AS BIGINT) AS n
            FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
            WHERE ${dueState} AND s."cardId" NOT IN (SELECT h."cardId" FROM ${hid} h)
            ORDER BY s.due LIMIT ${int(d.reviews)}) AS ${sql.raw(`r${i}`)}`,
        );
      }
      if (d.reviewCount > 0) {
        // How many are shown, counted up to the daily limit on the index alone:
        // min(due, limit + hidden) - hidden = min(shown, limit).
        branches.push(
          sql`SELECT 'rc' AS q, '' AS "cardId", CAST(${d.deckId} AS TEXT) AS "deckId", '' AS kind,
            '' AS "siblingKey", 0 AS state, CAST(NULL AS TIMESTAMP) AS due,
            CAST(NULL AS FLOAT) AS stability, CAST(NULL AS TIMESTAMP) AS "lastReview",
            COUNT(*) - (SELECT COUNT(*) FROM ${hid}) AS n
            FROM (SELECT 1 AS one FROM "CardState" s WHERE ${dueState}
              LIMIT ${int(d.reviewCount)} + (SELECT COUNT(*) FROM ${hid})) x`,
        );
      }
    }
    if (d.newCards > 0) {
      branches.push(
        // Streams Card(deckId, retiredAt, position, id) in key order (the full key: Postgres does
        // not take "retiredAt IS NULL" as fixing that column) and stops at the LIMIT; the
        // learner's state is a correlated primary-key lookup (a join lets planners hash every
        // state of the learner). The scan ends at the newScan-th live card (read from the index).
        sql`SELECT * FROM (SELECT 'n' AS q, c.id AS "cardId", c."deckId", c.kind, c."siblingKey",
          0 AS state, CAST(NULL AS TIMESTAMP) AS due,
          CAST(NULL AS FLOAT) AS stability, CAST(NULL AS TIMESTAMP) AS "lastReview",
          CAST(c.position AS BIGINT) AS n
          FROM "Card" c
          WHERE c."deckId" = ${d.deckId} AND c."retiredAt" IS NULL
            AND c.position >= ${int(d.newCursor)}
            AND c.position <= COALESCE((SELECT b.position FROM "Card" b
              WHERE b."deckId" = ${d.deckId} AND b."retiredAt" IS NULL
                AND b.position >= ${int(d.newCursor)}
              ORDER BY b."deckId", b."retiredAt", b.position, b.id
              LIMIT 1 OFFSET ${int(d.newScan - 1)}), ${int(Number.MAX_SAFE_INTEGER)})
            AND COALESCE((SELECT CASE WHEN s.state = 0 AND s.suspended = false
                AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now}) THEN 1 ELSE 0 END
              FROM "CardState" s WHERE s."userId" = ${userId} AND s."cardId" = c.id), 1) = 1
            AND NOT ${siblingBuried}
          ORDER BY c."deckId", c."retiredAt", c.position, c.id
          LIMIT ${int(d.newCards)}) AS ${sql.raw(`n${i}`)}`,
      );
    }
  });
  return sql`${
    ctes.length > 0 ? sql`WITH ${sql.join(ctes, ", ")}` : sql.empty
  } ${sql.join(branches, " UNION ALL ")}`;
}

/** The rows of queueRowsSql's statement. */
export function queueRowsOf(rows: SqlRow[]): QueueRow[] {
  return rows.map(
    (r): QueueRow => ({
      q: r.q as QueueRow["q"],
      cardId: String(r.cardId),
      deckId: String(r.deckId),
      kind: String(r.kind),
      siblingKey: String(r.siblingKey),
      state: num(r.state),
      due: dateOrNull(r.due),
      stability: r.stability === null ? 0 : num(r.stability),
      lastReview: dateOrNull(r.lastReview),
      n: num(r.n),
    }),
  );
}
