// Records one review atomically (one transaction, or on Postgres for a studied card one statement):
// card state, review log, due. Idempotent on the learner's request id: a retry returns the first
// result and writes nothing. Asked (`queueAfter`), it also reads the learner's next queue after the
// write, on Postgres in the same round trip as the write of a studied card.
import { type AnswerCheck, AppError, type ExerciseVariant, parseOrThrow } from "@strides/content";
import type { Db } from "../client.ts";
import {
  CARD_STATE,
  checkRating,
  scheduleReview,
  type TRating,
} from "../scheduling/fsrs-adapter.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { planReviewQueue, type ReviewQueue } from "./build-review-queue.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";
import type { ExerciseLangChoice } from "./exercise-lang.ts";
import { gradeExerciseAnswer, shownVariantFor } from "./exercise-variant.ts";
import { nextCardLimit } from "./get-next-card.ts";
import {
  type CardStateRow,
  cardNotFound,
  findCardState,
  findLogByRequestId,
  findQueueRows,
  type LearnerContext,
  loadSubmitContext,
  memoryOf,
  queueRowsOf,
  queueRowsSql,
  type Reader,
  schedulerSettings,
} from "./review-reads.ts";
import {
  advanceNewCursor,
  insertReviewLog,
  isTransientConflict,
  isUniqueViolation,
  memoryData,
  RetryableConflict,
  type ReviewLogRow,
  snapshotOf,
  writeReviewedState,
  writeReviewedStateAndLog,
} from "./review-writes.ts";
import { ZSubmitReviewInput } from "./schema.ts";

/** Learning cards may be answered this long before their due time (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface SubmitReviewOptions extends ExerciseLangChoice {
  db: Db;
  userId: string;
  cardId: string;
  /** Client-generated id, unique per learner: the same id twice records one review. */
  requestId: string;
  /** 1 Again … 4 Easy. Optional for exercise cards answered with `answer` (then proposed). */
  rating?: number;
  /** The typed answer of an exercise card, checked on the server. */
  answer?: string;
  durationMs: number;
  now: Date;
  exercises?: ExerciseEngine;
  /**
   * Also read the learner's queue of these decks right after the write (on Postgres in the same
   * round trip as the write of a studied card), for getNextCard's `queue`. Read only when the
   * review's context covers the decks (the card's own deck).
   */
  queueAfter?: { deckIds: string[]; upcoming: boolean };
}

export type { ReviewLogRow };

export interface SubmitReviewResult {
  ok: true;
  /** True when this request id had already been recorded (nothing was written). */
  duplicate: boolean;
  log: ReviewLogRow;
  /** The learner's current state of the card. */
  state: CardStateRow | null;
  /** Exercise cards: the server's check of the answer. */
  check?: AnswerCheck;
  proposedRating?: TRating;
  /** Exercise cards: the variant answered, with its solution. */
  variant?: ExerciseVariant;
  /** The card became a leech with this review. */
  becameLeech: boolean;
  /**
   * The learner's context for the card's deck as read for this review (absent for a duplicate):
   * getNextCard can reuse it for the same deck instead of reading it again. Its new-card cursor may
   * lag this review by one card, which the queue tolerates (the cursor is a lower bound).
   */
  context?: LearnerContext;
  /** The queue asked for by `queueAfter`, read after this review was written. */
  queue?: ReviewQueue;
}

const MAX_ATTEMPTS = 5;

export async function submitReview(options: SubmitReviewOptions): Promise<SubmitReviewResult> {
  parseOrThrow(ZSubmitReviewInput, options);
  if (options.rating !== undefined) checkRating(options.rating);
  let lastConflict: unknown;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      return await submitOnce(options.db, options);
    } catch (e) {
      if (e instanceof RetryableConflict || isUniqueViolation(e) || isTransientConflict(e)) {
        // Another submission won the race: the next attempt sees its result (same request id)
        // or the new state of the card (another request id).
        lastConflict = e;
        continue;
      }
      throw e;
    }
  }
  throw new AppError("CONFLICT", "the card was reviewed concurrently; try again", {
    cause: lastConflict,
    key: "reviewedConcurrently",
  });
}

async function duplicateResult(db: Reader, log: ReviewLogRow): Promise<SubmitReviewResult> {
  const state = await findCardState(db, log.userId, log.cardId);
  return {
    ok: true,
    duplicate: true,
    log,
    state,
    ...(log.correct !== null ? { check: { correct: log.correct } } : {}),
    ...(log.proposedRating ? { proposedRating: checkRating(log.proposedRating) } : {}),
    becameLeech: false,
  };
}

/**
 * One attempt: one read (request id, card, state, context), FSRS and the exercise check outside
 * any transaction, then a transaction of two statements (conditional state write, log insert; a
 * third and fourth when a new card moves the new-card cursor) — on Postgres, for a card already
 * studied, one statement doing both (with the next queue's read behind it when asked). The
 * conditional write and the unique (userId, requestId) make a concurrent submission fail here and
 * retry with fresh reads.
 */
async function submitOnce(db: Db, o: SubmitReviewOptions): Promise<SubmitReviewResult> {
  const read = await loadSubmitContext(db, o.userId, o.cardId, o.requestId);
  if (read.loggedCardId !== null) {
    if (read.loggedCardId !== o.cardId) {
      throw new AppError(
        "CONFLICT",
        `request id ${o.requestId} was already used for another card`,
        { field: "requestId", key: "requestIdReused" },
      );
    }
    const existing = await findLogByRequestId(db, o.userId, o.requestId);
    if (existing) return duplicateResult(db, existing);
    throw new RetryableConflict("the earlier log of this request id went away");
  }
  const card = read.card;
  if (!card) throw cardNotFound(o.cardId);
  const ctx = read.context();
  const settings = ctx.decks.get(card.deckId);
  if (!settings) throw cardNotFound(o.cardId);
  if (card.retiredAt) {
    throw new AppError(
      "CONFLICT",
      "this card was retired from its deck and is no longer reviewed",
      {
        key: "cardRetired",
      },
    );
  }
  const state = read.state;
  if (state?.lastReview && o.now.getTime() < state.lastReview.getTime()) {
    // An offline review (submitReviewBatch) older than the card's last review: the schedule has
    // moved on from it, so it is refused rather than rewriting history (see SCHEDULING.md).
    throw new AppError(
      "CONFLICT",
      `this card was reviewed at ${state.lastReview.toISOString()}, after this review`,
      { key: "reviewedElsewhere", params: { at: state.lastReview.toISOString() } },
    );
  }
  assertReviewable(state, o.now, learnerDay(o.now, ctx.day).end);

  // Exercise cards: check the typed answer against the variant fixed when the card was shown.
  let check: AnswerCheck | undefined;
  let proposedRating: TRating | undefined;
  let variant: ExerciseVariant | undefined;
  if (card.kind === "exercise" && o.answer !== undefined) {
    const engine = o.exercises;
    const content = JSON.parse(card.content) as unknown;
    const viewer = { ...o, locale: ctx.locale, engine };
    variant = shownVariantFor({ id: card.id, content }, state, viewer, "answer");
    const graded = gradeExerciseAnswer(variant, o.answer, {
      durationMs: o.durationMs,
      easyBelowMs: settings.easyBelowMs,
      hardAfterMs: settings.hardAfterMs,
      isNew: (state?.state ?? 0) === 0,
      engine,
    });
    check = graded.check;
    proposedRating = graded.proposedRating;
  }
  const rating = o.rating !== undefined ? checkRating(o.rating) : proposedRating;
  if (rating === undefined) {
    throw new AppError(
      "BAD_INPUT",
      card.kind === "exercise" ? "give a rating or an answer" : "rating is required",
      { field: "rating", key: "ratingRequired" },
    );
  }

  const scheduled = scheduleReview(
    state ? memoryOf(state) : null,
    o.now,
    rating,
    schedulerSettings(settings),
  );
  const lapsed = scheduled.card.lapses > (state?.lapses ?? 0);
  const becameLeech = lapsed && !state?.leech && scheduled.card.lapses >= settings.leechThreshold;
  const logData = {
    userId: o.userId,
    cardId: card.id,
    deckId: card.deckId,
    requestId: o.requestId,
    rating,
    reviewedAt: o.now,
    stateBefore: scheduled.log.stateBefore,
    stateAfter: scheduled.card.state,
    dueBefore: state ? state.due : null,
    dueAfter: scheduled.card.due,
    stabilityBefore: state?.stability ?? 0,
    stability: scheduled.card.stability,
    difficultyBefore: state?.difficulty ?? 0,
    difficulty: scheduled.card.difficulty,
    elapsedDays: scheduled.log.elapsedDays,
    lastElapsedDays: scheduled.log.lastElapsedDays,
    scheduledDays: scheduled.card.scheduledDays,
    learningSteps: scheduled.card.learningSteps,
    durationMs: o.durationMs,
    answer: o.answer ?? null,
    variantSeed: variant ? variant.seed : (state?.variantSeed ?? null),
    correct: check ? check.correct : null,
    proposedRating: proposedRating ?? null,
    previous: state ? JSON.stringify(snapshotOf(state)) : null,
    hasSiblings: card.hasSiblings,
  };
  const write = {
    userId: o.userId,
    cardId: card.id,
    deckId: card.deckId,
    previous: state,
    now: o.now,
    data: {
      ...memoryData(scheduled.card),
      variantSeed: null,
      shownAt: null,
      buriedUntil: null,
      ...(becameLeech
        ? { leech: true, ...(settings.leechAction === "suspend" ? { suspended: true } : {}) }
        : {}),
    },
  };
  const runner = sqlRunnerOf(db);
  const newCard = scheduled.log.stateBefore === CARD_STATE.new;
  const next = o.queueAfter?.deckIds.every((d) => ctx.decks.has(d))
    ? planReviewQueue(ctx, {
        userId: o.userId,
        deckIds: o.queueAfter.deckIds,
        now: o.now,
        limit: nextCardLimit(o.queueAfter.upcoming),
      })
    : null;
  // The next queue's statement, read after the write: on Postgres, for a studied card, sent behind
  // the write's statement in the same round trip; otherwise once the transaction has committed.
  const queued = next?.statement ?? null;
  const { newState, log, queueRows } =
    runner.provider === "postgres" && state && !newCard
      ? await writeReviewedStateAndLog(
          runner,
          { ...write, previous: state },
          logData,
          queued ? [queueRowsSql(queued)] : [],
        ).then((w) => ({ ...w, queueRows: queueRowsOf(w.reads[0] ?? []) }))
      : await runner
          .transaction(async (tx) => {
            const newState = await writeReviewedState(tx, write);
            const log = await insertReviewLog(tx, logData);
            if (newCard) await advanceNewCursor(tx, o.userId, card.deckId, card.position);
            return { newState, log };
          })
          .then(async (w) => ({
            ...w,
            queueRows: queued ? await findQueueRows(runner, queued) : [],
          }));
  return {
    ok: true,
    duplicate: false,
    log,
    state: newState,
    ...(check ? { check } : {}),
    ...(proposedRating ? { proposedRating } : {}),
    ...(variant ? { variant } : {}),
    becameLeech,
    context: ctx,
    ...(next ? { queue: next.finish(queueRows) } : {}),
  };
}

/** Throws CONFLICT when the learner is not due to review this card now. */
function assertReviewable(state: CardStateRow | null, now: Date, dayEnd: Date) {
  if (!state) return;
  if (state.suspended) {
    throw new AppError("CONFLICT", "this card is suspended; unsuspend it first", {
      key: "cardSuspended",
    });
  }
  if (state.buriedUntil && state.buriedUntil > now) {
    throw new AppError("CONFLICT", "this card is buried until tomorrow", { key: "cardBuried" });
  }
  if (state.state === CARD_STATE.new) return;
  const dueAt = state.due.getTime();
  const ok =
    state.state === CARD_STATE.review
      ? dueAt < dayEnd.getTime()
      : dueAt <= now.getTime() + LEARN_AHEAD_MS;
  if (!ok) {
    throw new AppError("CONFLICT", `this card is not due until ${state.due.toISOString()}`, {
      key: "cardNotDue",
      params: { due: state.due.toISOString() },
    });
  }
}
