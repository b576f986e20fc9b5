// Reads of the review service. With review-writes.ts, the only review modules that query the database.
// The hot paths (queue, next card, submit) use one raw SQL statement each, written to run unchanged
// on SQLite and Postgres (see SCHEDULING.md, "Performance"); the rest goes through Prisma's models.
// The learner context and the queue statement live in learner-context.ts and queue-rows.ts.
import type { Db } from "../client.ts";
import type { MemoryCard } from "../scheduling/fsrs-adapter.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import {
  cardNotFound,
  contextColumns,
  contextFromRows,
  contextJoins,
  type LearnerContext,
  loadLearnerContext,
} from "./learner-context.ts";
import { cardHasSiblingsSql } from "./sibling-logs.ts";
import {
  bool,
  date,
  dateOrNull,
  num,
  numOrNull,
  type Reader,
  type SqlReader,
  sql,
  str,
} from "./sql-values.ts";

export * from "./learner-context.ts";
export * from "./queue-rows.ts";
export * from "./sql-values.ts";

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
    hasSiblings: bool(r.hasSiblings),
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
    /** Another card shares its siblingKey (its review buries them for the day). */
    hasSiblings: boolean;
  } | null;
  state: CardStateRow | null;
  /**
   * The learner's context for the card's deck; throws the card's NOT_FOUND when the learner may not
   * review its deck (called
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
      c.position AS "c_position", c."retiredAt" AS "c_retiredAt",
      CASE WHEN ${sql.raw(cardHasSiblingsSql("c"))} THEN 1 ELSE 0 END AS "c_hasSiblings",
      ${stateColumns},
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
    hasSiblings: bool(r.c_hasSiblings),
  };
  return {
    loggedCardId,
    card,
    state: stateRowOf(r, "s_"),
    context: () => contextFromRows([card.deckId], rows, () => cardNotFound(cardId)),
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

/** The card and the learner's state of it; NOT_FOUND when it is missing or not the learner's. */
export async function loadCardForLearner(db: Reader, userId: string, cardId: string) {
  const card = await findCardWithState(db, userId, cardId);
  if (!card) throw cardNotFound(cardId);
  const ctx = await loadLearnerContext(db, userId, [card.deckId], () => cardNotFound(cardId));
  const settings = ctx.decks.get(card.deckId);
  if (!settings) throw cardNotFound(cardId);
  return { card, state: card.states[0] ?? null, settings, ctx };
}
