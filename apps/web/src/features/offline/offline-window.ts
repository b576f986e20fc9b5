// Reviewing from the stored window, pure functions of it (no IndexedDB, no clock): which card comes
// next, the counts, and an exercise's check in the browser.
import {
  checkAnswer,
  exerciseRatingReason,
  proposeExerciseRating,
} from "@strides/content/answer-check";
import type { TExerciseCheckView, TQueueCounts, TReviewStep } from "@/features/review/schema";
import type { TOfflineCheck, TWindowCard } from "./schema";

export interface WindowState {
  dayEnd: string;
  counts: TQueueCounts;
  cards: TWindowCard[];
  reviewed: string[];
  /** The deck the session reviews (null: every deck). */
  deck: string | null;
}

/** Cards that may be shown at `now`, in the server's order: today's, then the next day's from its start. */
export function availableCards(w: WindowState, now: Date): TWindowCard[] {
  const done = new Set(w.reviewed);
  return w.cards.filter(
    (c) =>
      !done.has(c.card.id) &&
      (w.deck === null || c.card.deckId === w.deck) &&
      (c.day === "today" || Date.parse(c.from) <= now.getTime()),
  );
}

/** Counts shown offline: today's from the server less what was rated since; after the day, what is left. */
export function windowCounts(w: WindowState, now: Date): TQueueCounts {
  if (now.getTime() >= Date.parse(w.dayEnd)) {
    const counts = { new: 0, learning: 0, review: 0 };
    for (const c of availableCards(w, now)) counts[c.card.queue] += 1;
    return counts;
  }
  const done = new Set(w.reviewed);
  const counts = { ...w.counts };
  for (const c of w.cards) {
    if (c.day === "today" && done.has(c.card.id)) {
      counts[c.card.queue] = Math.max(0, counts[c.card.queue] - 1);
    }
  }
  return counts;
}

/** The step the review screen shows from the window: the next card and the one after it. */
export function stepFromWindow(w: WindowState, now: Date): TReviewStep {
  const [first, second] = availableCards(w, now);
  return {
    card: first?.card ?? null,
    counts: windowCounts(w, now),
    nextDue: null,
    upcoming: second?.card ?? null,
  };
}

/** Checks an exercise's answer in the browser against the variant the window carries. */
export function checkOffline(
  c: TOfflineCheck,
  answer: string,
  durationMs: number,
): TExerciseCheckView {
  const r = checkAnswer(
    c.expected as Parameters<typeof checkAnswer>[0],
    answer,
    c.mistakes as Parameters<typeof checkAnswer>[2],
    c.lang,
  );
  const rating = {
    correct: r.correct,
    durationMs,
    easyBelowMs: c.easyBelowMs,
    hardAfterMs: c.hardAfterMs,
    isNew: c.isNew,
  };
  return {
    correct: r.correct,
    mistake: r.mistake ?? null,
    understood: r.understood ?? null,
    answer: c.answer,
    solutionHtml: c.solutionHtml,
    proposedRating: proposeExerciseRating(rating),
    reason: exerciseRatingReason(rating),
    retention: c.retention,
  };
}
