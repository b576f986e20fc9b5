// The group dashboard's SQL: a few grouped statements over two covering indexes of ReviewLog,
// (userId, reviewedAt, deckId, stateBefore, rating, durationMs) for members (one pass, per member
// and day) and (cardId, reviewedAt,
// userId, deckId, stateBefore, rating, durationMs) for cards, each read in index order so no
// statement sorts the window's logs. One text for both databases except the type of bound
// timestamps in a VALUES list (sql-dialect.ts). Only the group's members and the
// group's decks are counted; the last 30 days of logs are read from the index, never the table.
// Heavy statements run through `readRunnerOf` (the server's SQLite read worker).
import type { Db } from "../client.ts";
import { dateOrNull, num, sql } from "../review/sql-values.ts";
import { timestampParam } from "../sql-dialect.ts";
import { readRunnerOf } from "../sql-runner.ts";

export interface DashboardWindow {
  groupId: string;
  /** Logs at or after this instant are counted (now − 30 days). */
  since30: Date;
  since7: Date;
}

const inGroup = (groupId: string) => sql`l."userId" IN (SELECT m."userId" FROM "Membership" m
    WHERE m."groupId" = ${groupId})
  AND l."deckId" IN (SELECT gd."deckId" FROM "GroupDeck" gd WHERE gd."groupId" = ${groupId})`;

export interface MemberBase {
  userId: string;
  name: string;
  email: string;
  role: string;
  timeZone: string;
  dayStartHour: number;
  lastActive: Date | null;
}

/** The members (joining order) with their settings and last review in the group's decks. */
export async function queryMembers(db: Db, groupId: string): Promise<MemberBase[]> {
  const rows = await readRunnerOf(db).query(sql`SELECT m."userId" AS "userId", m."role" AS "role",
      u."name" AS "name", u."email" AS "email", s."timeZone" AS "timeZone",
      s."dayStartHour" AS "dayStartHour",
      (SELECT l."reviewedAt" FROM "ReviewLog" l WHERE l."userId" = m."userId"
        AND l."deckId" IN (SELECT gd."deckId" FROM "GroupDeck" gd WHERE gd."groupId" = ${groupId})
        ORDER BY l."reviewedAt" DESC LIMIT 1) AS "lastActive"
    FROM "Membership" m
    JOIN "user" u ON u."id" = m."userId"
    LEFT JOIN "LearnerSettings" s ON s."userId" = m."userId"
    WHERE m."groupId" = ${groupId}
    ORDER BY m."createdAt", m."userId"`);
  return rows.map((r) => ({
    userId: String(r.userId),
    name: String(r.name),
    email: String(r.email),
    role: String(r.role),
    timeZone: r.timeZone === null || r.timeZone === undefined ? "UTC" : String(r.timeZone),
    dayStartHour: r.dayStartHour === null || r.dayStartHour === undefined ? 4 : num(r.dayStartHour),
    lastActive: dateOrNull(r.lastActive),
  }));
}

/** One interval [start, end) of the member pass: a UTC day of the window, or a part of one. */
export interface ActivityBucket {
  start: Date;
  end: Date;
}

export interface MemberBucket {
  userId: string;
  /** Index into the buckets passed in. */
  bucket: number;
  reviews: number;
  /** Reviews of mature cards (stateBefore Review) and how many of those passed. */
  mature: number;
  maturePassed: number;
}

/** Radix of the packed per-bucket sums: a learner reviews fewer than 2^20 times in one bucket. */
const PACK = 1_048_576;
// Literals, not bound values: an integer in the statement is an integer on both databases.
const PACK1 = sql.raw(String(PACK));
const PACK2 = sql.raw(String(PACK * PACK));

/**
 * The member pass: per member and bucket, reviews, reviews of mature cards and how many of those
 * passed, in one statement that reads each member's window of the (userId, reviewedAt, …) index
 * once (members × buckets index range seeks, no sort). Per-member totals and the daily activity
 * are sums of buckets (the caller picks buckets that the 7- and 30-day bounds do not split). A
 * correlated subquery returns one value, so the three sums are packed into one integer
 * (reviews·2^40 + mature·2^20 + passed, exact since mature ≤ reviews < 2^20) and unpacked by
 * integer division: one range read instead of three. Buckets without reviews are left out.
 */
export async function queryMemberBuckets(
  db: Db,
  groupId: string,
  buckets: ActivityBucket[],
): Promise<MemberBucket[]> {
  if (buckets.length === 0) return [];
  const reader = readRunnerOf(db);
  const ts = (d: Date) => timestampParam(reader.provider, d);
  const values = sql.join(
    buckets.map((b, i) => sql`(CAST(${i} AS INTEGER), ${ts(b.start)}, ${ts(b.end)})`),
  );
  // MATERIALIZED: the unpacking reads each packed value once (a flattened subquery would run the
  // range read once per reference).
  const rows = await reader.query(sql`WITH buckets ("i", "bStart", "bEnd") AS (VALUES ${values}),
    p AS MATERIALIZED (SELECT m."userId" AS "userId", b."i" AS "i",
        (SELECT COUNT(*) * ${PACK2}
            + SUM(CASE WHEN l."stateBefore" = 2 THEN ${PACK1} ELSE 0 END)
            + SUM(CASE WHEN l."stateBefore" = 2 AND l."rating" > 1 THEN 1 ELSE 0 END)
          FROM "ReviewLog" l WHERE l."userId" = m."userId"
            AND l."reviewedAt" >= b."bStart" AND l."reviewedAt" < b."bEnd"
            AND l."deckId" IN (SELECT gd."deckId" FROM "GroupDeck" gd WHERE gd."groupId" = ${groupId})
        ) AS "packed"
      FROM "Membership" m CROSS JOIN buckets b
      WHERE m."groupId" = ${groupId})
    SELECT p."userId" AS "userId", p."i" AS "bucket",
      p."packed" / ${PACK2} AS "reviews",
      (p."packed" / ${PACK1}) % ${PACK1} AS "mature",
      p."packed" % ${PACK1} AS "maturePassed"
    FROM p WHERE p."packed" > 0`);
  return rows.map((r) => ({
    userId: String(r.userId),
    bucket: num(r.bucket),
    reviews: num(r.reviews),
    mature: num(r.mature),
    maturePassed: num(r.maturePassed),
  }));
}

export interface CardAggregate {
  cardId: string;
  deckSlug: string;
  /** The first 140 characters of the card's text (the row shows its first line, up to 140). */
  searchText: string;
  reviews: number;
  again: number;
  mature: number;
  lapses: number;
  totalMs: number;
}

/**
 * Per card over the window, hardest first (again rate, then lapse rate, then average time, then
 * id), `limit` rows from `offset` (all with limit null), and how many cards there are in all.
 */
export async function queryCards(
  db: Db,
  w: DashboardWindow,
  page: { offset: number; limit: number | null },
): Promise<{ total: number; rows: CardAggregate[] }> {
  const window =
    page.limit === null
      ? sql``
      : sql`LIMIT ${Math.max(0, Math.trunc(page.limit))} OFFSET ${Math.max(0, Math.trunc(page.offset))}`;
  const rows = await readRunnerOf(db).query(sql`WITH agg AS (
      SELECT l."cardId" AS "cardId", COUNT(*) AS "reviews",
        SUM(CASE WHEN l."rating" = 1 THEN 1 ELSE 0 END) AS "again",
        SUM(CASE WHEN l."stateBefore" = 2 THEN 1 ELSE 0 END) AS "mature",
        SUM(CASE WHEN l."stateBefore" = 2 AND l."rating" = 1 THEN 1 ELSE 0 END) AS "lapses",
        SUM(l."durationMs") AS "totalMs"
      FROM "ReviewLog" l
      WHERE l."cardId" IN (SELECT c."id" FROM "Card" c WHERE c."deckId" IN
          (SELECT gd."deckId" FROM "GroupDeck" gd WHERE gd."groupId" = ${w.groupId}))
        AND l."reviewedAt" >= ${w.since30} AND ${inGroup(w.groupId)}
      GROUP BY l."cardId"
    ), ranked AS (
      SELECT a.*, COUNT(*) OVER () AS "total",
        CAST(a."again" AS DOUBLE PRECISION) / a."reviews" AS "againRate",
        CASE WHEN a."mature" = 0 THEN 0
          ELSE CAST(a."lapses" AS DOUBLE PRECISION) / a."mature" END AS "lapseRate",
        CAST(a."totalMs" AS DOUBLE PRECISION) / a."reviews" AS "avgMs"
      FROM agg a
    )
    SELECT r."cardId" AS "cardId", r."reviews" AS "reviews", r."again" AS "again",
      r."mature" AS "mature", r."lapses" AS "lapses", r."totalMs" AS "totalMs", r."total" AS "total",
      d."slug" AS "deckSlug", SUBSTR(c."searchText", 1, 140) AS "searchText"
    FROM ranked r
    JOIN "Card" c ON c."id" = r."cardId"
    JOIN "Deck" d ON d."id" = c."deckId"
    ORDER BY r."againRate" DESC, r."lapseRate" DESC, r."avgMs" DESC, r."cardId"
    ${window}`);
  let total = num(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the count still answers.
    total = (await queryCards(db, w, { offset: 0, limit: 1 })).total;
  }
  return {
    total,
    rows: rows.map((r) => ({
      cardId: String(r.cardId),
      deckSlug: String(r.deckSlug),
      searchText: String(r.searchText ?? ""),
      reviews: num(r.reviews),
      again: num(r.again),
      mature: num(r.mature),
      lapses: num(r.lapses),
      totalMs: num(r.totalMs),
    })),
  };
}
