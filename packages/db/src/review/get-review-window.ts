// The offline window: the cards a learner's device keeps so the review goes on without a
// connection — the rest of today's queue (up to a cap) and the first cards of the next learner
// day, each as the review screen shows it (interval previews for when it will be shown) and, for
// exercises, the full variant the service will fix (so the browser can check the answer).

import type { ExerciseVariant } from "@strides/content";
import type { Db } from "../client.ts";
import { type LearnerDay, learnerDay } from "../scheduling/learner-day.ts";
import { buildReviewQueueWith, type QueueCounts } from "./build-review-queue.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";
import type { ExerciseLangChoice } from "./exercise-lang.ts";
import { type ShownCard, showCard } from "./get-next-card.ts";
import { loadLearnerContext } from "./review-reads.ts";

/** Today's cards kept at most (the rest of the day's queue beyond it stays on the server). */
export const REVIEW_WINDOW_CAP = 200;
/** The next learner day's first cards kept. */
export const REVIEW_WINDOW_NEXT_DAY = 20;

export interface ReviewWindowCard extends ShownCard {
  /** "today": due in the learner's current day; "next": the next day's (shown from `from`). */
  day: "today" | "next";
  /** The card may be shown offline from this instant (the next day's start for "next"). */
  from: Date;
  /** Exercises: the whole variant (answer, solution, expected form), for checking offline. */
  variant: ExerciseVariant | null;
  /** The deck preset's times for proposing an exercise's rating (proposeExerciseRating). */
  easyBelowMs: number;
  hardAfterMs: number;
  /** The deck's desired retention (the reason a first right answer proposes Good). */
  desiredRetention: number | null;
}

export interface ReviewWindow {
  generatedAt: Date;
  today: LearnerDay;
  nextDay: LearnerDay;
  /** Today's queue counts at `generatedAt`. */
  counts: QueueCounts;
  cards: ReviewWindowCard[];
}

export interface GetReviewWindowOptions extends ExerciseLangChoice {
  db: Db;
  userId: string;
  deckIds: string[];
  now: Date;
  cap?: number;
  nextDayCards?: number;
  exercises?: ExerciseEngine;
}

/**
 * Reads nothing it writes: exercise seeds are not fixed here (they follow the service's seed rule,
 * `variantSeedFor`, and are fixed when the review is synced: see submitReviewBatch).
 */
export async function getReviewWindow(o: GetReviewWindowOptions): Promise<ReviewWindow> {
  const cap = o.cap ?? REVIEW_WINDOW_CAP;
  const nextCount = o.nextDayCards ?? REVIEW_WINDOW_NEXT_DAY;
  const deckIds = [...new Set(o.deckIds)];
  const ctx = await loadLearnerContext(o.db, o.userId, deckIds);
  const today = learnerDay(o.now, ctx.day);
  const nextDay = learnerDay(today.end, ctx.day);
  const todayQueue = await buildReviewQueueWith(o.db, ctx, {
    userId: o.userId,
    deckIds,
    now: o.now,
    limit: cap,
  });
  const taken = new Set(todayQueue.cards.map((c) => c.cardId));
  // Tomorrow's queue as if today's window were reviewed: read at the next day's start, with each
  // deck's daily limits widened by its cards in today's window, which are then left out.
  const widened = new Map(ctx.decks);
  for (const c of todayQueue.cards) {
    const s = widened.get(c.deckId);
    if (!s) continue;
    widened.set(
      c.deckId,
      c.queue === "new"
        ? { ...s, newPerDay: s.newPerDay + 1 }
        : { ...s, reviewsPerDay: s.reviewsPerDay + 1 },
    );
  }
  const nextQueue = await buildReviewQueueWith(
    o.db,
    { ...ctx, decks: widened },
    { userId: o.userId, deckIds, now: nextDay.start, limit: taken.size + nextCount },
  );
  const nextCards = nextQueue.cards.filter((c) => !taken.has(c.cardId)).slice(0, nextCount);
  const cards: ReviewWindowCard[] = [];
  for (const [day, from, list] of [
    ["today", o.now, todayQueue.cards],
    ["next", nextDay.start, nextCards],
  ] as const) {
    for (const q of list) {
      const { shown, variant } = await showCard({ ...o, now: from }, ctx, q, false);
      const settings = ctx.decks.get(q.deckId);
      cards.push({
        ...shown,
        day,
        from,
        variant,
        easyBelowMs: settings?.easyBelowMs ?? 0,
        hardAfterMs: settings?.hardAfterMs ?? Number.MAX_SAFE_INTEGER,
        desiredRetention: settings?.desiredRetention ?? null,
      });
    }
  }
  return {
    generatedAt: o.now,
    today,
    nextDay,
    counts: todayQueue.counts,
    cards,
  };
}
