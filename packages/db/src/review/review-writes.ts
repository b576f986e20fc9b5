// Writes of the review service. With review-reads.ts, the only review modules that query the database.
import { v7 as uuidv7 } from "uuid";
import type { Prisma } from "../client.ts";
import type { MemoryCard } from "../scheduling/fsrs-adapter.ts";
import { queryInOrder, type SqlRow, sqlRunnerOf } from "../sql-runner.ts";
import {
  type CardStateRow,
  num,
  numOrNull,
  type Reader,
  type SqlReader,
  sql,
} from "./review-reads.ts";
import { type TStateSnapshot, ZStateSnapshot } from "./schema.ts";

/** A write lost a race with another one (same card or same request id): retry the transaction. */
export class RetryableConflict extends Error {
  override readonly name = "RetryableConflict";
}

/** Unique-constraint violation on either database (Prisma P2002, raw SQLite or Postgres codes). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; cause?: unknown; message?: unknown } | null;
  if (!err) return false;
  if (err.code === "P2002" || err.code === "23505" || err.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
    return true;
  if (err.code === "SQLITE_CONSTRAINT_UNIQUE") return true;
  // Raw statements: Prisma P2010 with the driver adapter's error kind.
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta;
  if (meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation") return true;
  return typeof err.message === "string" && /Unique constraint failed/i.test(err.message);
}

/**
 * Postgres gave up one of two transactions that waited on each other (deadlock) or could not
 * serialise them: the other went through, so this one may simply run again.
 */
export function isTransientConflict(e: unknown): boolean {
  const codes = new Set(["40P01", "40001", "P2034"]);
  for (let err = e as { code?: unknown; cause?: unknown } | null, i = 0; err && i < 5; i++) {
    if (typeof err.code === "string" && codes.has(err.code)) return true;
    const meta = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })
      .meta;
    const original = meta?.driverAdapterError?.cause?.originalCode;
    if (typeof original === "string" && codes.has(original)) return true;
    err = err.cause as typeof err;
  }
  return false;
}

export function snapshotOf(s: CardStateRow): TStateSnapshot {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    state: s.state,
    due: s.due.toISOString(),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: iso(s.lastReview),
    suspended: s.suspended,
    buriedUntil: iso(s.buriedUntil),
    leech: s.leech,
    variantSeed: s.variantSeed,
    shownAt: iso(s.shownAt),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function parseSnapshot(json: string): TStateSnapshot {
  return ZStateSnapshot.parse(JSON.parse(json));
}

function snapshotData(s: TStateSnapshot) {
  const d = (v: string | null) => (v === null ? null : new Date(v));
  return {
    state: s.state,
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: d(s.lastReview),
    suspended: s.suspended,
    buriedUntil: d(s.buriedUntil),
    leech: s.leech,
    variantSeed: s.variantSeed,
    shownAt: d(s.shownAt),
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.updatedAt),
  };
}

export function memoryData(m: MemoryCard) {
  return {
    state: m.state,
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsedDays: m.elapsedDays,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    lastReview: m.lastReview,
  };
}

export interface StateWrite {
  userId: string;
  cardId: string;
  deckId: string;
  /** The row read at the start of the transaction (null: none existed). */
  previous: CardStateRow | null;
  data: ReturnType<typeof memoryData> & {
    suspended?: boolean;
    leech?: boolean;
    buriedUntil?: Date | null;
    variantSeed?: number | null;
    shownAt?: Date | null;
  };
  now: Date;
}

/**
 * Writes the state after a review, conditional on the row being unchanged since it was read (same
 * reps and updatedAt): a concurrent review of the same card makes this throw RetryableConflict.
 * One statement; the row written is returned without reading it back.
 */
export async function writeReviewedState(db: SqlReader, w: StateWrite): Promise<CardStateRow> {
  const d = w.data;
  if (w.previous) {
    const row = updatedState(w.previous, w);
    const count = await sqlRunnerOf(db).execute(updateStateSql(w.previous, row));
    if (count !== 1) throw new RetryableConflict("card state changed concurrently");
    return row;
  }
  const row: CardStateRow = {
    userId: w.userId,
    cardId: w.cardId,
    deckId: w.deckId,
    ...d,
    suspended: d.suspended ?? false,
    leech: d.leech ?? false,
    buriedUntil: d.buriedUntil ?? null,
    variantSeed: d.variantSeed ?? null,
    shownAt: d.shownAt ?? null,
    createdAt: w.now,
    updatedAt: w.now,
  };
  try {
    await sqlRunnerOf(
      db,
    ).execute(sql`INSERT INTO "CardState" ("userId", "cardId", "deckId", state, due,
      stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses,
      "lastReview", suspended, "buriedUntil", leech, "variantSeed", "shownAt", "createdAt",
      "updatedAt")
      VALUES (${row.userId}, ${row.cardId}, ${row.deckId}, ${row.state}, ${row.due},
        ${row.stability}, ${row.difficulty}, ${row.elapsedDays}, ${row.scheduledDays},
        ${row.learningSteps}, ${row.reps}, ${row.lapses}, ${row.lastReview}, ${row.suspended},
        ${row.buriedUntil}, ${row.leech}, ${row.variantSeed}, ${row.shownAt}, ${row.createdAt},
        ${row.updatedAt})`);
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw new RetryableConflict("card state created concurrently");
    throw e;
  }
}

/** The state row after a write over `p` (the row read). */
function updatedState(p: CardStateRow, w: StateWrite): CardStateRow {
  const d = w.data;
  return {
    ...p,
    ...d,
    suspended: d.suspended ?? p.suspended,
    leech: d.leech ?? p.leech,
    buriedUntil: d.buriedUntil === undefined ? p.buriedUntil : d.buriedUntil,
    variantSeed: d.variantSeed === undefined ? p.variantSeed : d.variantSeed,
    shownAt: d.shownAt === undefined ? p.shownAt : d.shownAt,
    updatedAt: w.now,
  };
}

/** Writes `row` over the state read as `p`, only if it is unchanged (same reps and updatedAt). */
function updateStateSql(p: CardStateRow, row: CardStateRow) {
  return sql`UPDATE "CardState" SET state = ${row.state},
      due = ${row.due}, stability = ${row.stability}, difficulty = ${row.difficulty},
      "elapsedDays" = ${row.elapsedDays}, "scheduledDays" = ${row.scheduledDays},
      "learningSteps" = ${row.learningSteps}, reps = ${row.reps}, lapses = ${row.lapses},
      "lastReview" = ${row.lastReview}, suspended = ${row.suspended}, leech = ${row.leech},
      "buriedUntil" = ${row.buriedUntil}, "variantSeed" = ${row.variantSeed},
      "shownAt" = ${row.shownAt}, "updatedAt" = ${row.updatedAt}
      WHERE "userId" = ${row.userId} AND "cardId" = ${row.cardId} AND reps = ${p.reps}
        AND "updatedAt" = ${p.updatedAt}`;
}

export type ReviewLogRow = NonNullable<Awaited<ReturnType<Reader["reviewLog"]["findUnique"]>>>;

const LOG_COLUMNS = sql.raw(`id, "userId", "cardId", "deckId", "requestId",
    rating, "reviewedAt", "stateBefore", "stateAfter", "dueBefore", "dueAfter", "stabilityBefore",
    stability, "difficultyBefore", difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays",
    "learningSteps", "durationMs", answer, "variantSeed", correct, "proposedRating", previous,
    "hasSiblings"`);

/**
 * The log's values, each a bare bound parameter: in writeReviewedStateAndLog's INSERT … SELECT,
 * Postgres types a bare parameter by its target column; wrapped in an expression it would be text.
 */
function logValues(l: ReviewLogRow) {
  return sql`${l.id}, ${l.userId}, ${l.cardId}, ${l.deckId}, ${l.requestId}, ${l.rating},
      ${l.reviewedAt}, ${l.stateBefore}, ${l.stateAfter}, ${l.dueBefore}, ${l.dueAfter},
      ${l.stabilityBefore}, ${l.stability}, ${l.difficultyBefore}, ${l.difficulty},
      ${l.elapsedDays}, ${l.lastElapsedDays}, ${l.scheduledDays}, ${l.learningSteps},
      ${l.durationMs}, ${l.answer}, ${l.variantSeed}, ${l.correct}, ${l.proposedRating},
      ${l.previous}, ${l.hasSiblings}`;
}

/** Inserts a review log (one statement) and returns the row; the id is a cuid, as Prisma's. */
export async function insertReviewLog(
  db: SqlReader,
  data: Omit<ReviewLogRow, "id">,
): Promise<ReviewLogRow> {
  const l: ReviewLogRow = { id: uuidv7(), ...data };
  await sqlRunnerOf(db).execute(
    sql`INSERT INTO "ReviewLog" (${LOG_COLUMNS}) VALUES (${logValues(l)})`,
  );
  return l;
}

/**
 * Postgres, a card already studied: the conditional state write and the log insert as one
 * statement (a data-modifying CTE is atomic without BEGIN/COMMIT): one round trip instead of four.
 * The log is inserted only if the state was unchanged; otherwise RetryableConflict, as
 * writeReviewedState. A duplicate request id fails the whole statement (unique violation).
 * SQLite has no data-modifying CTE; there the transaction's statements cost microseconds.
 * `reads` (the next queue's statement) go out behind it in the same round trip.
 */
export async function writeReviewedStateAndLog(
  db: SqlReader,
  w: StateWrite & { previous: CardStateRow },
  data: Omit<ReviewLogRow, "id">,
  /** Reads sent right behind the write (queryInOrder), seeing it: their rows are returned. */
  reads: Prisma.Sql[] = [],
): Promise<{ newState: CardStateRow; log: ReviewLogRow; reads: SqlRow[][] }> {
  const row = updatedState(w.previous, w);
  const log: ReviewLogRow = { id: uuidv7(), ...data };
  const [written = [], ...read] = await queryInOrder(db, [
    sql`WITH upd AS (${updateStateSql(w.previous, row)} RETURNING 1)
      INSERT INTO "ReviewLog" (${LOG_COLUMNS}) SELECT ${logValues(log)} FROM upd RETURNING 1`,
    ...reads,
  ]);
  if (written.length !== 1) throw new RetryableConflict("card state changed concurrently");
  return { newState: row, log, reads: read };
}

/** Puts back the exact state a snapshot recorded (null: the card was new; the row goes away). */
export async function restoreState(
  db: Reader,
  key: { userId: string; cardId: string; deckId: string },
  snapshot: TStateSnapshot | null,
): Promise<CardStateRow | null> {
  if (!snapshot) {
    await db.cardState.deleteMany({ where: { userId: key.userId, cardId: key.cardId } });
    return null;
  }
  const data = snapshotData(snapshot);
  return db.cardState.upsert({
    where: { userId_cardId: { userId: key.userId, cardId: key.cardId } },
    create: { ...key, ...data },
    update: data,
  });
}

/** Live cards scanned at most when advancing the cursor (past them it stays where it is). */
const CURSOR_SCAN = 5000;

/**
 * After a new card of the deck left New: move the cursor past cards no longer new. One read (the
 * cursor and the first card still New at or after it, within CURSOR_SCAN cards) and, when it moves,
 * one upsert.
 */
export async function advanceNewCursor(
  db: SqlReader,
  userId: string,
  deckId: string,
  position: number,
): Promise<void> {
  const cursorSql = sql`COALESCE((SELECT p."newCursor" FROM "LearnerDeckProgress" p
    WHERE p."userId" = ${userId} AND p."deckId" = ${deckId}), 0)`;
  // The live cards from the cursor in deck order (streams from Card(deckId, retiredAt, position, id)).
  const window = sql`SELECT c.id, c.position FROM "Card" c
    WHERE c."deckId" = ${deckId} AND c."retiredAt" IS NULL AND c.position >= ${cursorSql}
    ORDER BY c."deckId", c."retiredAt", c.position, c.id LIMIT ${CURSOR_SCAN}`;
  const rows = await sqlRunnerOf(db).query(sql`SELECT ${cursorSql} AS cursor,
    (SELECT w.position FROM (${window}) w
      WHERE NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${userId}
        AND s."cardId" = w.id AND s.state <> 0)
      ORDER BY w.position, w.id LIMIT 1) AS "firstNew"`);
  const cursor = num(rows[0]?.cursor ?? 0);
  if (position > cursor) return;
  let next = numOrNull(rows[0]?.firstNew);
  if (next === null) {
    // None new among the scanned cards: past the deck's end, or give up (the cursor stays a safe
    // lower bound).
    const counted = await sqlRunnerOf(db).query(sql`
      SELECT COUNT(*) AS n FROM (${window}) w`);
    next = num(counted[0]?.n ?? 0) < CURSOR_SCAN ? position + 1 : cursor;
  }
  if (next === cursor) return;
  const now = new Date();
  await sqlRunnerOf(
    db,
  ).execute(sql`INSERT INTO "LearnerDeckProgress" ("userId", "deckId", "newCursor", "updatedAt")
    VALUES (${userId}, ${deckId}, ${next}, ${now})
    ON CONFLICT ("userId", "deckId") DO UPDATE SET "newCursor" = ${next}, "updatedAt" = ${now}`);
}

/** A card became new again (forget, undo of its first review): the cursor must not skip it. */
export async function lowerNewCursor(
  db: Reader,
  userId: string,
  deckId: string,
  position: number,
): Promise<void> {
  await db.learnerDeckProgress.updateMany({
    where: { userId, deckId, newCursor: { gt: position } },
    data: { newCursor: position },
  });
}

/** After an import that inserts cards below learners' cursors: every learner rescans the deck. */
export async function resetNewCardCursor({ db, deckId }: { db: Reader; deckId: string }) {
  await db.learnerDeckProgress.updateMany({ where: { deckId }, data: { newCursor: 0 } });
}

/** Sets flags on the learner's state of a card, creating a New row when the card has none. */
export async function setCardFlags(
  db: Reader,
  key: { userId: string; cardId: string; deckId: string },
  now: Date,
  flags: {
    suspended?: boolean;
    buriedUntil?: Date | null;
    leech?: boolean;
    variantSeed?: number | null;
    shownAt?: Date | null;
  },
): Promise<CardStateRow> {
  return db.cardState.upsert({
    where: { userId_cardId: { userId: key.userId, cardId: key.cardId } },
    create: { ...key, state: 0, due: now, ...flags, createdAt: now, updatedAt: now },
    update: { ...flags, updatedAt: now },
  });
}

/** Fixes the exercise variant shown (creating a New state row when the card has none). */
export async function fixVariantSeed(
  db: SqlReader,
  key: { userId: string; cardId: string; deckId: string },
  now: Date,
  seed: number,
): Promise<void> {
  await sqlRunnerOf(
    db,
  ).execute(sql`INSERT INTO "CardState" ("userId", "cardId", "deckId", state, due,
    "variantSeed", "shownAt", "createdAt", "updatedAt")
    VALUES (${key.userId}, ${key.cardId}, ${key.deckId}, 0, ${now}, ${seed}, ${now}, ${now}, ${now})
    ON CONFLICT ("userId", "cardId") DO UPDATE SET "variantSeed" = ${seed}, "shownAt" = ${now},
      "updatedAt" = ${now}`);
}
