// Reads of the review service. With mutations.ts, the only review modules that query the database.
// The hot paths (queue, next card, submit) use one raw SQL statement each, written to run unchanged
// on SQLite and Postgres (see SCHEDULING.md, "Performance"); the rest goes through Prisma's models.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import { Prisma as P } from "../generated/sqlite/client.ts";
import type { MemoryCard, SchedulerSettings } from "../scheduling/fsrs-adapter.ts";
import type { LearnerDayOptions } from "../scheduling/learner-day.ts";
import { type SqlRunner, sqlRunnerOf } from "../sql-runner.ts";
import { type PresetRow, resolveReviewSettings } from "./resolve-review-settings.ts";
import type { TReviewSettings } from "./schema.ts";

export type Reader = Db | Prisma.TransactionClient;
/** Anything raw SQL can run on: a client, a Prisma transaction, or a driver runner. */
export type SqlReader = Reader | SqlRunner;

/** Tagged SQL (parameters are bound, never spliced), shared by both providers' clients. */
export const sql = Object.assign(
  (strings: readonly string[], ...values: unknown[]) => P.sql(strings, ...values),
  { join: P.join, raw: P.raw, empty: P.empty },
);

export interface LearnerContext {
  day: LearnerDayOptions;
  locale: string | null;
  /** Settings per accessible deck. */
  decks: Map<string, TReviewSettings>;
  /** LearnerDeckProgress.newCursor per deck (absent: 0). */
  newCursors: Map<string, number>;
}

function parseWeights(text: string | null): number[] | null {
  if (!text) return null;
  try {
    const w = JSON.parse(text) as unknown;
    return Array.isArray(w) && w.every((x) => typeof x === "number") ? (w as number[]) : null;
  } catch {
    return null;
  }
}

// Raw rows: typed columns come back as Date/boolean/number on both providers, but computed and
// UNION columns may be text, 0/1 or bigint on SQLite; these read either.
export function bool(v: unknown): boolean {
  return v === true || v === 1 || v === 1n || v === "1" || v === "true";
}
export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
export function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v);
}
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}
export function date(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "string" || typeof v === "number") return new Date(v);
  if (typeof v === "bigint") return new Date(Number(v));
  throw new Error(`expected a date, got ${String(v)}`);
}
export function dateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : date(v);
}

/**
 * The learner's day settings and, for each deck, the resolved review settings and the learner's
 * new-card cursor, in one query. Throws NOT_FOUND for an unknown deck and FORBIDDEN for a deck no
 * group of the learner subscribes to.
 */
export async function loadLearnerContext(
  db: SqlReader,
  userId: string,
  deckIds: string[],
): Promise<LearnerContext> {
  if (deckIds.length === 0) {
    const rows = await sqlRunnerOf(db).query(sql`
      SELECT ls."timeZone", ls."dayStartHour", ls.locale FROM "LearnerSettings" ls
      WHERE ls."userId" = ${userId}`);
    return contextFromRows([], rows);
  }
  const rows = await sqlRunnerOf(db).query(sql`
    SELECT ${contextColumns(userId)} FROM "Deck" d ${contextJoins(userId)}
    WHERE d.id IN (${sql.join(deckIds)})
    ORDER BY d.id, gd."groupId"`);
  return contextFromRows(deckIds, rows);
}

const PRESET_COLUMNS = [
  "id",
  "desiredRetention",
  "newPerDay",
  "reviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "maximumInterval",
  "enableFuzz",
  "leechThreshold",
  "leechAction",
  "easyBelowMs",
  "hardAfterMs",
  "learnerOverridable",
] as const;

const presetColumns = (alias: "gp" | "dp") =>
  sql.raw(PRESET_COLUMNS.map((c) => `${alias}."${c}" AS "${alias}_${c}"`).join(", "));

/** The context's columns, for a query whose FROM has the deck as `d` followed by contextJoins. */
export function contextColumns(userId: string) {
  return sql`d.id AS "deckId", d.slug AS "deckSlug", gd."groupId" AS "groupId",
    ${presetColumns("gp")}, ${presetColumns("dp")},
    ls."timeZone", ls."dayStartHour", ls.locale, ls.overrides, p."newCursor",
    (SELECT f.parameters FROM "FsrsParameters" f WHERE f."userId" = ${userId}
      ORDER BY f."fittedAt" DESC LIMIT 1) AS "learnerParams",
    (SELECT f.parameters FROM "FsrsParameters" f WHERE f."groupId" = gd."groupId"
      ORDER BY f."fittedAt" DESC LIMIT 1) AS "groupParams"`;
}

/** The learner's links to deck `d` (through groups they belong to), presets, settings, cursor. */
export function contextJoins(userId: string) {
  return sql`LEFT JOIN "GroupDeck" gd ON gd."deckId" = d.id AND EXISTS (
      SELECT 1 FROM "Membership" m WHERE m."groupId" = gd."groupId" AND m."userId" = ${userId})
    LEFT JOIN "DeckPreset" gp ON gp.id = gd."presetId"
    LEFT JOIN "DeckPreset" dp ON dp.id = d."presetId"
    LEFT JOIN "LearnerSettings" ls ON ls."userId" = ${userId}
    LEFT JOIN "LearnerDeckProgress" p ON p."userId" = ${userId} AND p."deckId" = d.id`;
}

export type ContextRow = Record<string, unknown>;

function presetOf(row: ContextRow, alias: "gp" | "dp"): PresetRow | null {
  if (row[`${alias}_id`] === null || row[`${alias}_id`] === undefined) return null;
  const v = (c: string) => row[`${alias}_${c}`];
  return {
    id: String(v("id")),
    desiredRetention: Number(v("desiredRetention")),
    newPerDay: Number(v("newPerDay")),
    reviewsPerDay: Number(v("reviewsPerDay")),
    learningSteps: String(v("learningSteps")),
    relearningSteps: String(v("relearningSteps")),
    maximumInterval: Number(v("maximumInterval")),
    enableFuzz: bool(v("enableFuzz")),
    leechThreshold: Number(v("leechThreshold")),
    leechAction: String(v("leechAction")),
    easyBelowMs: Number(v("easyBelowMs")),
    hardAfterMs: Number(v("hardAfterMs")),
    learnerOverridable: String(v("learnerOverridable")),
  };
}

/** Builds the context from rows ordered by deck, then group id (the first link of a deck wins). */
export function contextFromRows(deckIds: string[], rows: ContextRow[]): LearnerContext {
  const first = rows[0];
  const settings =
    first && first.timeZone !== null && first.timeZone !== undefined
      ? {
          timeZone: String(first.timeZone),
          dayStartHour: Number(first.dayStartHour),
          locale: first.locale === null || first.locale === undefined ? null : String(first.locale),
          overrides:
            first.overrides === null || first.overrides === undefined
              ? null
              : String(first.overrides),
        }
      : null;
  const learnerWeights = parseWeights(str(first?.learnerParams));
  const byDeck = new Map<string, ContextRow>();
  for (const r of rows) {
    const id = String(r.deckId);
    if (!byDeck.has(id)) byDeck.set(id, r);
  }
  const out = new Map<string, TReviewSettings>();
  const newCursors = new Map<string, number>();
  for (const deckId of deckIds) {
    const row = byDeck.get(deckId);
    if (!row) throw new AppError("NOT_FOUND", `deck ${deckId} does not exist`, { field: "deckId" });
    if (row.groupId === null || row.groupId === undefined) {
      throw new AppError(
        "FORBIDDEN",
        `you are not in a group that studies deck "${String(row.deckSlug)}"`,
        { field: "deckId" },
      );
    }
    if (row.newCursor !== null && row.newCursor !== undefined) {
      newCursors.set(deckId, Number(row.newCursor));
    }
    out.set(
      deckId,
      resolveReviewSettings({
        groupId: String(row.groupId),
        groupPreset: presetOf(row, "gp"),
        deckPreset: presetOf(row, "dp"),
        overridesJson: settings?.overrides ?? null,
        learnerWeights,
        groupWeights: parseWeights(str(row.groupParams)),
      }),
    );
  }
  return {
    day: { timeZone: settings?.timeZone ?? "UTC", dayStartHour: settings?.dayStartHour ?? 4 },
    locale: settings?.locale ?? null,
    decks: out,
    newCursors,
  };
}

export function schedulerSettings(s: TReviewSettings): SchedulerSettings {
  return {
    desiredRetention: s.desiredRetention,
    maximumInterval: s.maximumInterval,
    enableFuzz: s.enableFuzz,
    learningSteps: s.learningSteps,
    relearningSteps: s.relearningSteps,
    weights: s.weights,
  };
}

export type CardStateRow = Awaited<ReturnType<Db["cardState"]["findUnique"]>> & {};

export function memoryOf(s: MemoryCard): MemoryCard {
  return {
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
  };
}

type ReviewLogRow = NonNullable<Awaited<ReturnType<Reader["reviewLog"]["findUnique"]>>>;

/** The log recorded for a request id (one statement on the driver: retries of a burst read it). */
export async function findLogByRequestId(
  db: SqlReader,
  userId: string,
  requestId: string,
): Promise<ReviewLogRow | null> {
  const rows = await sqlRunnerOf(db).query(sql`SELECT * FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "requestId" = ${requestId}`);
  const r = rows[0];
  if (!r) return null;
  return {
    id: String(r.id),
    userId: String(r.userId),
    cardId: String(r.cardId),
    deckId: String(r.deckId),
    requestId: String(r.requestId),
    rating: num(r.rating),
    reviewedAt: date(r.reviewedAt),
    stateBefore: num(r.stateBefore),
    stateAfter: num(r.stateAfter),
    dueBefore: dateOrNull(r.dueBefore),
    dueAfter: date(r.dueAfter),
    stabilityBefore: num(r.stabilityBefore),
    stability: num(r.stability),
    difficultyBefore: num(r.difficultyBefore),
    difficulty: num(r.difficulty),
    elapsedDays: num(r.elapsedDays),
    lastElapsedDays: num(r.lastElapsedDays),
    scheduledDays: num(r.scheduledDays),
    learningSteps: num(r.learningSteps),
    durationMs: num(r.durationMs),
    answer: str(r.answer),
    variantSeed: numOrNull(r.variantSeed),
    correct: r.correct === null || r.correct === undefined ? null : bool(r.correct),
    proposedRating: numOrNull(r.proposedRating),
    previous: str(r.previous),
  };
}

export function findCardWithState(db: Reader, userId: string, cardId: string) {
  return db.card.findUnique({
    where: { id: cardId },
    include: { states: { where: { userId } } },
  });
}

/** The learner's state of a card (one statement on the driver). */
export async function findCardState(
  db: SqlReader,
  userId: string,
  cardId: string,
): Promise<CardStateRow | null> {
  const stateColumns = sql.raw(STATE_ROW_COLUMNS.map((c) => `s."${c}" AS "s_${c}"`).join(", "));
  const rows = await sqlRunnerOf(db).query(sql`SELECT ${stateColumns} FROM "CardState" s
    WHERE s."userId" = ${userId} AND s."cardId" = ${cardId}`);
  return rows[0] ? stateRowOf(rows[0], "s_") : null;
}

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
  /** Learning rows only: retired or buried (counted out, never returned). Always false. */
  hidden: boolean;
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
 * learner's cursor, ranked. Retired, buried and buried-sibling cards are left out in SQL. Limits
 * are upper bounds computed from the presets; the caller cuts them to the exact windows once
 * today's reviews are known. Each branch walks an index: ReviewLog(userId, reviewedAt),
 * CardState(userId, deckId, suspended, state, due), Card(deckId, retiredAt, position, id),
 * Card(siblingKey), ReviewLog(cardId, reviewedAt), then primary keys. Dates are bound parameters in
 * the stored format (ISO with +00:00 on SQLite), so text comparison is exact.
 */
export async function findQueueRows(db: SqlReader, o: QueueQuery): Promise<QueueRow[]> {
  const { userId, now } = o;
  const ctes: Prisma.Sql[] = [];
  // Today's reviews counted per deck and state before (the daily limits), without reading them.
  const branches = [
    sql`SELECT 'log' AS q, '' AS "cardId", l."deckId", '' AS kind, '' AS "siblingKey",
      false AS hidden, l."stateBefore" AS state, CAST(NULL AS TIMESTAMP) AS due,
      CAST(NULL AS FLOAT) AS stability, CAST(NULL AS TIMESTAMP) AS "lastReview", COUNT(*) AS n
      FROM "ReviewLog" l
      WHERE l."userId" = ${userId} AND l."reviewedAt" >= ${o.dayStart}
      GROUP BY l."deckId", l."stateBefore"`,
  ];
  // Card c is buried as a sibling: another card of its note (Card(siblingKey)) was reviewed today
  // and c was not (ReviewLog(cardId, reviewedAt)). CASE keeps the order: a card alone in its note
  // costs one index probe.
  const siblingBuried = sql`(CASE WHEN EXISTS (SELECT 1 FROM "Card" c2
      WHERE c2."siblingKey" = c."siblingKey" AND c2.id <> c.id AND EXISTS (SELECT 1
        FROM "ReviewLog" t2 WHERE t2."cardId" = c2.id AND t2."userId" = ${userId}
          AND t2."reviewedAt" >= ${o.dayStart}))
    THEN NOT EXISTS (SELECT 1 FROM "ReviewLog" t WHERE t."cardId" = c.id
      AND t."userId" = ${userId} AND t."reviewedAt" >= ${o.dayStart})
    ELSE false END)`;
  // The learner's review cards of a deck due today and shown today: neither retired, buried nor a
  // buried sibling (CardState(userId, deckId, suspended, state, due), then primary keys).
  const dueReviews = (deckId: string) => sql`FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
    WHERE s."userId" = ${userId} AND s."deckId" = ${deckId} AND s.suspended = false
      AND s.state = 2 AND s.due < ${o.dayEnd} AND c."retiredAt" IS NULL
      AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now}) AND NOT ${siblingBuried}`;
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
      sql`SELECT 'l' AS q, x."cardId", x."deckId", c.kind, c."siblingKey", false AS hidden,
        x.state, x.due, x.stability, x."lastReview", CAST(0 AS BIGINT) AS n
        FROM (SELECT * FROM ${lrn} y WHERE NOT y.hidden ORDER BY y.due LIMIT ${int(o.learning)}) x
        JOIN "Card" c ON c.id = x."cardId"`,
      sql`SELECT 'lc' AS q, '' AS "cardId", '' AS "deckId", '' AS kind, '' AS "siblingKey",
        false AS hidden, 0 AS state, CAST(NULL AS TIMESTAMP) AS due, CAST(NULL AS FLOAT) AS stability,
        CAST(NULL AS TIMESTAMP) AS "lastReview", COUNT(*) AS n FROM ${lrn} x WHERE NOT x.hidden`,
    );
    if (d.reviews > 0) {
      branches.push(
        sql`SELECT * FROM (SELECT 'r' AS q, s."cardId", s."deckId", c.kind, c."siblingKey",
          false AS hidden, s.state, s.due, s.stability, s."lastReview", CAST(0 AS BIGINT) AS n
          ${dueReviews(d.deckId)}
          ORDER BY s.due LIMIT ${int(d.reviews)}) AS ${sql.raw(`r${i}`)}`,
      );
    }
    if (d.reviewCount > 0) {
      // How many are due, counted up to the daily limit (the rows are not read).
      branches.push(
        sql`SELECT 'rc' AS q, '' AS "cardId", CAST(${d.deckId} AS TEXT) AS "deckId", '' AS kind,
          '' AS "siblingKey", false AS hidden, 0 AS state, CAST(NULL AS TIMESTAMP) AS due,
          CAST(NULL AS FLOAT) AS stability, CAST(NULL AS TIMESTAMP) AS "lastReview", COUNT(*) AS n
          FROM (SELECT 1 AS one ${dueReviews(d.deckId)} LIMIT ${int(d.reviewCount)}) x`,
      );
    }
    if (d.newCards > 0) {
      branches.push(
        // Streams Card(deckId, retiredAt, position, id) in key order (the full key: Postgres does
        // not take "retiredAt IS NULL" as fixing that column) and stops at the LIMIT; the
        // learner's state is a correlated primary-key lookup (a join lets planners hash every
        // state of the learner). The scan ends at the newScan-th live card (read from the index).
        sql`SELECT * FROM (SELECT 'n' AS q, c.id AS "cardId", c."deckId", c.kind, c."siblingKey",
          false AS hidden, 0 AS state, CAST(NULL AS TIMESTAMP) AS due,
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
  const rows = await sqlRunnerOf(db).query(
    sql`${
      ctes.length > 0 ? sql`WITH ${sql.join(ctes, ", ")}` : sql.empty
    } ${sql.join(branches, " UNION ALL ")}`,
  );
  return rows.map(
    (r): QueueRow => ({
      q: r.q as QueueRow["q"],
      cardId: String(r.cardId),
      deckId: String(r.deckId),
      kind: String(r.kind),
      siblingKey: String(r.siblingKey),
      hidden: bool(r.hidden),
      state: num(r.state),
      due: dateOrNull(r.due),
      stability: r.stability === null ? 0 : num(r.stability),
      lastReview: dateOrNull(r.lastReview),
      n: num(r.n),
    }),
  );
}

const STATE_ROW_COLUMNS = [
  "userId",
  "cardId",
  "deckId",
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "lastReview",
  "suspended",
  "buriedUntil",
  "leech",
  "variantSeed",
  "shownAt",
  "createdAt",
  "updatedAt",
] as const;

/** A CardState row read by raw SQL with columns prefixed `prefix` (null when absent). */
function stateRowOf(r: Record<string, unknown>, prefix: string): CardStateRow | null {
  const v = (c: (typeof STATE_ROW_COLUMNS)[number]) => r[`${prefix}${c}`];
  if (v("userId") === null || v("userId") === undefined) return null;
  return {
    userId: String(v("userId")),
    cardId: String(v("cardId")),
    deckId: String(v("deckId")),
    state: num(v("state")),
    due: date(v("due")),
    stability: num(v("stability")),
    difficulty: num(v("difficulty")),
    elapsedDays: num(v("elapsedDays")),
    scheduledDays: num(v("scheduledDays")),
    learningSteps: num(v("learningSteps")),
    reps: num(v("reps")),
    lapses: num(v("lapses")),
    lastReview: dateOrNull(v("lastReview")),
    suspended: bool(v("suspended")),
    buriedUntil: dateOrNull(v("buriedUntil")),
    leech: bool(v("leech")),
    variantSeed: numOrNull(v("variantSeed")),
    shownAt: dateOrNull(v("shownAt")),
    createdAt: date(v("createdAt")),
    updatedAt: date(v("updatedAt")),
  };
}

export interface SubmitContext {
  /** The card an earlier submission with this request id was recorded for (null: none). */
  loggedCardId: string | null;
  card: {
    id: string;
    deckId: string;
    kind: string;
    content: string;
    position: number;
    retiredAt: Date | null;
  } | null;
  state: CardStateRow | null;
  /**
   * The learner's context for the card's deck; throws FORBIDDEN like loadLearnerContext (called
   * after the request id is checked: a duplicate is answered first, as it always was).
   */
  context: () => LearnerContext;
}

/**
 * What submitReview reads, in one statement: the request id's earlier log, the card, the learner's
 * state of it, and the learner's context for its deck.
 */
export async function loadSubmitContext(
  db: SqlReader,
  userId: string,
  cardId: string,
  requestId: string,
): Promise<SubmitContext> {
  const stateColumns = sql.raw(STATE_ROW_COLUMNS.map((c) => `s."${c}" AS "s_${c}"`).join(", "));
  const rows = await sqlRunnerOf(db).query(sql`
    SELECT (SELECT l."cardId" FROM "ReviewLog" l
        WHERE l."userId" = ${userId} AND l."requestId" = ${requestId}) AS "loggedCardId",
      c.id AS "c_id", c."deckId" AS "c_deckId", c.kind AS "c_kind", c.content AS "c_content",
      c.position AS "c_position", c."retiredAt" AS "c_retiredAt", ${stateColumns},
      ${contextColumns(userId)}
    FROM (SELECT 1 AS one) x
    LEFT JOIN "Card" c ON c.id = ${cardId}
    LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
    LEFT JOIN "Deck" d ON d.id = c."deckId"
    ${contextJoins(userId)}
    ORDER BY gd."groupId"`);
  const r = rows[0] ?? {};
  const loggedCardId = str(r.loggedCardId);
  if (r.c_id === null || r.c_id === undefined) {
    return {
      loggedCardId,
      card: null,
      state: null,
      context: () => contextFromRows([], rows),
    };
  }
  const card = {
    id: String(r.c_id),
    deckId: String(r.c_deckId),
    kind: String(r.c_kind),
    content: String(r.c_content),
    position: num(r.c_position),
    retiredAt: dateOrNull(r.c_retiredAt),
  };
  return {
    loggedCardId,
    card,
    state: stateRowOf(r, "s_"),
    context: () => contextFromRows([card.deckId], rows),
  };
}

/** The card as the review screen shows it and the learner's state of it (primary keys). */
export async function findCardForReview(db: SqlReader, userId: string, cardId: string) {
  const stateColumns = sql.raw(STATE_ROW_COLUMNS.map((c) => `s."${c}" AS "s_${c}"`).join(", "));
  const rows = await sqlRunnerOf(db).query(sql`
    SELECT c.id, c."deckId", c.key, c.kind, c.version, c.content, c.tags, c.context, c."noteId",
      n.path AS "notePath", c."lineStart", c."lineEnd", ${stateColumns}
    FROM "Card" c LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c.id
      LEFT JOIN "Note" n ON n.id = c."noteId"
    WHERE c.id = ${cardId}`);
  const r = rows[0];
  if (!r) return null;
  return {
    card: {
      id: String(r.id),
      deckId: String(r.deckId),
      key: String(r.key),
      kind: String(r.kind),
      version: num(r.version),
      content: String(r.content),
      tags: String(r.tags),
      context: String(r.context),
      noteId: str(r.noteId),
      notePath: str(r.notePath),
      lineStart: numOrNull(r.lineStart),
      lineEnd: numOrNull(r.lineEnd),
    },
    state: stateRowOf(r, "s_"),
  };
}

export function findLastLog(db: Reader, userId: string, cardId?: string) {
  return db.reviewLog.findFirst({
    where: { userId, ...(cardId ? { cardId } : {}) },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
  });
}

/** The card and the learner's state of it; NOT_FOUND / FORBIDDEN when the learner cannot see it. */
export async function loadCardForLearner(db: Reader, userId: string, cardId: string) {
  const card = await findCardWithState(db, userId, cardId);
  if (!card) throw new AppError("NOT_FOUND", `card ${cardId} does not exist`, { field: "cardId" });
  const ctx = await loadLearnerContext(db, userId, [card.deckId]);
  const settings = ctx.decks.get(card.deckId);
  if (!settings) throw new AppError("FORBIDDEN", "you cannot review this card");
  return { card, state: card.states[0] ?? null, settings, ctx };
}
