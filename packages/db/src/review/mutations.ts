// Writes of the review service. With data.ts, the only review modules that query the database.
import type { MemoryCard } from "../scheduling/fsrs-adapter.ts";
import { type CardStateRow, findFirstNewPosition, type Reader } from "./data.ts";
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
  return typeof err.message === "string" && /Unique constraint failed/i.test(err.message);
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
 */
export async function writeReviewedState(db: Reader, w: StateWrite): Promise<CardStateRow> {
  const key = { userId: w.userId, cardId: w.cardId };
  if (w.previous) {
    const { count } = await db.cardState.updateMany({
      where: { ...key, reps: w.previous.reps, updatedAt: w.previous.updatedAt },
      data: { ...w.data, updatedAt: w.now },
    });
    if (count !== 1) throw new RetryableConflict("card state changed concurrently");
    const row = await db.cardState.findUnique({ where: { userId_cardId: key } });
    if (!row) throw new RetryableConflict("card state removed concurrently");
    return row;
  }
  try {
    return await db.cardState.create({
      data: { ...key, deckId: w.deckId, ...w.data, createdAt: w.now, updatedAt: w.now },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RetryableConflict("card state created concurrently");
    throw e;
  }
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

/** After a new card of the deck left New: move the cursor past cards no longer new. */
export async function advanceNewCursor(
  db: Reader,
  userId: string,
  deckId: string,
  position: number,
): Promise<void> {
  const progress = await db.learnerDeckProgress.findUnique({
    where: { userId_deckId: { userId, deckId } },
  });
  const cursor = progress?.newCursor ?? 0;
  if (position > cursor) return;
  const first = await findFirstNewPosition(db, userId, deckId, cursor);
  const next = first ?? position + 1;
  if (next === cursor) return;
  await db.learnerDeckProgress.upsert({
    where: { userId_deckId: { userId, deckId } },
    create: { userId, deckId, newCursor: next },
    update: { newCursor: next },
  });
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
