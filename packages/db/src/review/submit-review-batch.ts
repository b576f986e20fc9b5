// Reviews given offline, sent later in one request: each is scheduled at its own time, in order,
// through submitReview (so exactly once per request id, across batches and concurrent sends).
//
// Rules (documented in packages/db/SCHEDULING.md, "Offline reviews"):
// - Clock skew: the device sends its clock (`sentAt`) with the batch. When it differs from the
//   server's by more than SKEW_TOLERANCE_MS, every `reviewedAt` is shifted by that difference.
// - Bounds, after the shift: not later than the server's clock plus FUTURE_ALLOWANCE_MS (a review
//   within it is recorded at the server's `now`), not older than OFFLINE_MAX_AGE_MS, and not before
//   the card's last review (submitReview refuses that with `reviewedElsewhere`).
// - Conflicts are refused with a reason, never recomputed: a card retired, suspended, buried or not
//   due any more at `reviewedAt` (reviewed on another device), or older than the card's last
//   review. The outcome names the reason; the device keeps showing it to the learner.

import { AppError, isAppError } from "@strides/content";
import type { Db } from "../client.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";
import type { ExerciseLangChoice } from "./exercise-lang.ts";
import { variantSeedOf } from "./exercise-variant.ts";
import { findCardForReview, findLogByRequestId } from "./review-reads.ts";
import { fixVariantSeed } from "./review-writes.ts";
import { submitReview } from "./submit-review.ts";

export const OFFLINE_MAX_AGE_MS = 7 * 86_400_000;
export const FUTURE_ALLOWANCE_MS = 5 * 60_000;
export const SKEW_TOLERANCE_MS = 60_000;
export const REVIEW_BATCH_MAX = 500;

export interface OfflineReview {
  requestId: string;
  cardId: string;
  rating?: number;
  answer?: string;
  durationMs: number;
  /** When the learner rated the card, on the device's clock. */
  reviewedAt: Date;
}

export type BatchOutcome =
  | {
      requestId: string;
      cardId: string;
      status: "recorded" | "duplicate";
      /** The instant the review was scheduled at (after the skew correction). */
      reviewedAt: Date;
      rating: number;
      dueAfter: Date;
      correct: boolean | null;
    }
  | {
      requestId: string;
      cardId: string;
      status: "refused";
      reviewedAt: Date;
      reason: {
        code: string;
        message: string;
        key?: string;
        params?: Record<string, string | number>;
      };
    };

export interface SubmitReviewBatchOptions extends ExerciseLangChoice {
  db: Db;
  userId: string;
  reviews: OfflineReview[];
  /** The device's clock when it sent the batch (absent: no skew correction). */
  sentAt?: Date;
  now: Date;
  exercises?: ExerciseEngine;
}

export interface SubmitReviewBatchResult {
  /** Milliseconds added to every `reviewedAt` (0 within the tolerance). */
  skewMs: number;
  outcomes: BatchOutcome[];
}

function refused(r: OfflineReview, at: Date, e: AppError): BatchOutcome {
  return {
    requestId: r.requestId,
    cardId: r.cardId,
    status: "refused",
    reviewedAt: at,
    reason: {
      code: e.code,
      message: e.message,
      ...(e.key ? { key: e.key } : {}),
      ...(e.params ? { params: e.params } : {}),
    },
  };
}

/** The skew correction for a batch: the server's clock minus the device's, or 0 when close. */
export function skewCorrection(sentAt: Date | undefined, now: Date): number {
  if (!sentAt) return 0;
  const skew = now.getTime() - sentAt.getTime();
  return Math.abs(skew) > SKEW_TOLERANCE_MS ? skew : 0;
}

/** Why a review's (corrected) time is out of bounds, or null. */
export function timeBoundError(at: Date, now: Date): AppError | null {
  if (at.getTime() > now.getTime() + FUTURE_ALLOWANCE_MS) {
    return new AppError("BAD_INPUT", `reviewedAt ${at.toISOString()} is in the future`, {
      field: "reviewedAt",
      key: "reviewInFuture",
    });
  }
  if (at.getTime() < now.getTime() - OFFLINE_MAX_AGE_MS) {
    return new AppError(
      "CONFLICT",
      `reviewedAt ${at.toISOString()} is older than ${OFFLINE_MAX_AGE_MS / 86_400_000} days`,
      {
        field: "reviewedAt",
        key: "reviewTooOld",
        params: { days: OFFLINE_MAX_AGE_MS / 86_400_000 },
      },
    );
  }
  return null;
}

export async function submitReviewBatch(
  o: SubmitReviewBatchOptions,
): Promise<SubmitReviewBatchResult> {
  if (o.reviews.length > REVIEW_BATCH_MAX) {
    throw new AppError("BAD_INPUT", `reviews: at most ${REVIEW_BATCH_MAX} a batch`, {
      field: "reviews",
    });
  }
  const skewMs = skewCorrection(o.sentAt, o.now);
  const outcomes: BatchOutcome[] = [];
  for (const r of o.reviews) {
    const shifted = new Date(r.reviewedAt.getTime() + skewMs);
    // Within the allowance a review "from the future" is a clock difference: recorded now.
    const at = shifted.getTime() > o.now.getTime() ? o.now : shifted;
    const logged = await findLogByRequestId(o.db, o.userId, r.requestId);
    const bound = logged ? null : timeBoundError(shifted, o.now);
    if (bound) {
      outcomes.push(refused(r, at, bound));
      continue;
    }
    try {
      outcomes.push(await submitOffline(o, r, at));
    } catch (e) {
      // A refusal of this review (conflict, card gone, bad input) does not stop the others; a
      // database failure does (the device keeps the rest and sends it again).
      if (isAppError(e) && e.code !== "UNAVAILABLE" && e.code !== "INTERNAL") {
        outcomes.push(refused(r, at, e));
        continue;
      }
      throw e;
    }
  }
  return { skewMs, outcomes };
}

async function submitOffline(
  o: SubmitReviewBatchOptions,
  r: OfflineReview,
  at: Date,
): Promise<BatchOutcome> {
  const submit = () =>
    submitReview({
      db: o.db,
      userId: o.userId,
      cardId: r.cardId,
      requestId: r.requestId,
      ...(r.rating !== undefined ? { rating: r.rating } : {}),
      ...(r.answer !== undefined ? { answer: r.answer } : {}),
      durationMs: r.durationMs,
      now: at,
      lang: o.lang,
      browserLang: o.browserLang,
      ...(o.exercises ? { exercises: o.exercises } : {}),
    });
  let res: Awaited<ReturnType<typeof submit>>;
  try {
    res = await submit();
  } catch (e) {
    if (!(isAppError(e) && e.key === "exerciseNotShown")) throw e;
    // Answered offline from the window, whose variant follows the service's seed rule but was not
    // fixed on the server (submitReview has checked access, retirement and due by now): fix that
    // same seed, so the answer is checked against the variant the learner saw.
    await fixOfflineVariant(o.db, o.userId, r.cardId, at);
    res = await submit();
  }
  return {
    requestId: r.requestId,
    cardId: r.cardId,
    status: res.duplicate ? "duplicate" : "recorded",
    reviewedAt: res.log.reviewedAt,
    rating: res.log.rating,
    dueAfter: res.log.dueAfter,
    correct: res.log.correct,
  };
}

async function fixOfflineVariant(db: Db, userId: string, cardId: string, at: Date) {
  const found = await findCardForReview(db, userId, cardId);
  if (found?.card.kind !== "exercise") return;
  const { seed } = variantSeedOf(userId, cardId, found.state);
  await fixVariantSeed(db, { userId, cardId, deckId: found.card.deckId }, at, seed);
}
