// The group dashboard's SQL. Whole UTC days are read from the daily aggregates that triggers keep
// beside ReviewLog (DailyLearnerStats per learner, day and deck; DailyCardStats per card and day:
// a few rows per member and day instead of every log); the parts of days the window cuts (its
// start, the 7-day bound, anything after today) are read from the covering indexes of ReviewLog,
// (userId, reviewedAt, deckId, stateBefore, rating, durationMs) for members and (cardId,
// reviewedAt, userId, deckId, stateBefore, rating, durationMs) for cards. Only the group's members
// and the group's decks are counted: a card's daily row counts every reviewer, so the card table
// reads it only when nobody outside the group reviewed the group's decks in the window, and the
// logs otherwise. One text for both databases except the type of bound timestamps in a VALUES list
// (sql-dialect.ts). Heavy statements run through `readRunnerOf` (the server's SQLite read worker).
import type { Db } from "../client.ts";
import { dateOrNull, num, sql } from "../review/sql-values.ts";
import { timestampParam } from "../sql-dialect.ts";
import { readRunnerOf } from "../sql-runner.ts";

const DAY = 86_400_000;

/** The UTC day (whole days since 1970-01-01) of an instant: the daily aggregates' key. */
export const utcDayNumber = (at: Date): number => Math.floor(at.getTime() / DAY);

export interface DashboardWindow {
  groupId: string;
  /** Logs at or after this instant are counted (now − 30 days). */
  since30: Date;
  since7: Date;
}

const groupDecks = (groupId: string) =>
  sql`SELECT gd."deckId" FROM "GroupDeck" gd WHERE gd."groupId" = ${groupId}`;

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

/** A bucket that is one whole UTC day: its day number (read from the daily aggregates). */
function wholeDay(b: ActivityBucket): number | null {
  const start = b.start.getTime();
  return start % DAY === 0 && b.end.getTime() - start === DAY ? start / DAY : null;
}

/**
 * The member pass: per member and bucket, reviews, reviews of mature cards and how many of those
 * passed. Whole-day buckets come from DailyLearnerStats (one primary-key range per member);
 * the others from the logs (`queryLogBuckets`). Buckets without reviews are left out.
 */
export async function queryMemberBuckets(
  db: Db,
  groupId: string,
  buckets: ActivityBucket[],
): Promise<MemberBucket[]> {
  const whole = new Map<number, number>();
  const cut: number[] = [];
  buckets.forEach((b, i) => {
    const day = wholeDay(b);
    if (day === null) cut.push(i);
    else whole.set(day, i);
  });
  const days = [...whole.keys()];
  const [daily, partial] = await Promise.all([
    days.length === 0
      ? []
      : readRunnerOf(db).query(sql`SELECT s."userId" AS "userId", s."day" AS "day",
          SUM(s."reviews") AS "reviews", SUM(s."mature") AS "mature",
          SUM(s."maturePassed") AS "maturePassed"
        FROM "Membership" m
        JOIN "DailyLearnerStats" s ON s."userId" = m."userId"
          AND s."day" >= ${Math.min(...days)} AND s."day" <= ${Math.max(...days)}
        WHERE m."groupId" = ${groupId} AND s."deckId" IN (${groupDecks(groupId)})
        GROUP BY s."userId", s."day"`),
    queryLogBuckets(
      db,
      groupId,
      cut.map((i) => buckets[i] as ActivityBucket),
    ),
  ]);
  const rows: MemberBucket[] = [];
  for (const r of daily) {
    const bucket = whole.get(num(r.day));
    if (bucket === undefined || num(r.reviews) === 0) continue;
    rows.push({
      userId: String(r.userId),
      bucket,
      reviews: num(r.reviews),
      mature: num(r.mature),
      maturePassed: num(r.maturePassed),
    });
  }
  for (const r of partial) rows.push({ ...r, bucket: cut[r.bucket] as number });
  return rows;
}

/**
 * The member pass over the logs, for buckets that are not whole days: one statement that reads
 * each member's part of the (userId, reviewedAt, …) index once per bucket (members × buckets index
 * range seeks, no sort). A correlated subquery returns one value, so the three sums are packed
 * into one integer (reviews·2^40 + mature·2^20 + passed, exact since mature ≤ reviews < 2^20) and
 * unpacked by integer division: one range read instead of three.
 */
async function queryLogBuckets(
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
            AND l."deckId" IN (${groupDecks(groupId)})
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

/** Per card, the window's logs of group members (every log read). */
const cardsFromLogs = (
  w: DashboardWindow,
) => sql`SELECT l."cardId" AS "cardId", COUNT(*) AS "reviews",
        SUM(CASE WHEN l."rating" = 1 THEN 1 ELSE 0 END) AS "again",
        SUM(CASE WHEN l."stateBefore" = 2 THEN 1 ELSE 0 END) AS "mature",
        SUM(CASE WHEN l."stateBefore" = 2 AND l."rating" = 1 THEN 1 ELSE 0 END) AS "lapses",
        SUM(l."durationMs") AS "totalMs"
      FROM "ReviewLog" l
      WHERE l."cardId" IN (SELECT c."id" FROM "Card" c WHERE c."deckId" IN (${groupDecks(w.groupId)}))
        AND l."reviewedAt" >= ${w.since30} AND ${inGroup(w.groupId)}
      GROUP BY l."cardId"`;

/**
 * Per card, from the daily rows for the window's whole days and from the logs for the part of its
 * first day it cuts: only right when every reviewer of the group's decks is a member.
 */
function cardsFromDays(w: DashboardWindow) {
  const firstWhole = Math.ceil(w.since30.getTime() / DAY);
  return sql`SELECT x."cardId" AS "cardId", SUM(x."reviews") AS "reviews",
        SUM(x."again") AS "again", SUM(x."mature") AS "mature", SUM(x."lapses") AS "lapses",
        SUM(x."totalMs") AS "totalMs"
      FROM (SELECT s."cardId" AS "cardId", s."reviews" AS "reviews", s."again" AS "again",
          s."mature" AS "mature", s."lapses" AS "lapses", s."totalMs" AS "totalMs"
        FROM "DailyCardStats" s
        WHERE s."cardId" IN (SELECT c."id" FROM "Card" c WHERE c."deckId" IN (${groupDecks(w.groupId)}))
          AND s."day" >= ${firstWhole}
        UNION ALL
        SELECT l."cardId", 1, CASE WHEN l."rating" = 1 THEN 1 ELSE 0 END,
          CASE WHEN l."stateBefore" = 2 THEN 1 ELSE 0 END,
          CASE WHEN l."stateBefore" = 2 AND l."rating" = 1 THEN 1 ELSE 0 END, l."durationMs"
        FROM "ReviewLog" l
        WHERE l."cardId" IN (SELECT c."id" FROM "Card" c WHERE c."deckId" IN (${groupDecks(w.groupId)}))
          AND l."reviewedAt" >= ${w.since30} AND l."reviewedAt" < ${new Date(firstWhole * DAY)}
          AND ${inGroup(w.groupId)}) x
      GROUP BY x."cardId"`;
}

/**
 * Whether anyone outside the group reviewed one of its decks in the window (a learner who left,
 * or a member of another group sharing the deck): read from the (deckId, day, userId) index of
 * DailyLearnerStats.
 */
const outsiders = (w: DashboardWindow) => sql`EXISTS (SELECT 1 FROM "DailyLearnerStats" s
    WHERE s."deckId" IN (${groupDecks(w.groupId)}) AND s."day" >= ${utcDayNumber(w.since30)}
      AND s."userId" NOT IN (SELECT m."userId" FROM "Membership" m WHERE m."groupId" = ${w.groupId}))`;

export async function outsidersReviewed(db: Db, w: DashboardWindow): Promise<boolean> {
  const rows = await readRunnerOf(db).query(
    sql`SELECT CASE WHEN ${outsiders(w)} THEN 1 ELSE 0 END AS "x"`,
  );
  return num(rows[0]?.x) === 1;
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
  // One statement, so the choice and the counts see the same moment; the branch not taken is
  // skipped (its condition is a constant, evaluated once).
  const perCard = sql`SELECT * FROM (${cardsFromDays(w)}) d WHERE NOT ${outsiders(w)}
      UNION ALL
      SELECT * FROM (${cardsFromLogs(w)}) g WHERE ${outsiders(w)}`;
  const rows = await readRunnerOf(db).query(sql`WITH agg AS (
      ${perCard}
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
    // Past the last page: the count still answers (readCountedPage shows the last page then).
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
