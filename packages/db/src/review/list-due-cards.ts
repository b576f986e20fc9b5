// The cards the learner's review queue counts as due today, one by one (the card browser's "due
// today" and "overdue" filters): the queue's own statement (findQueueRows) and daily limits
// (limitsLeftToday), so the browser, the home page, the review screen and the group dashboard
// agree. Due today: learning cards due by now (at most LEARNING_CAP per deck) and, within the
// deck's daily review limit left today, the review cards due before the learner's day ends, the
// most overdue first; suspended, buried, retired and buried-sibling cards are left out. Overdue:
// those due before the learner's day began.
import type { Db } from "../client.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { LEARNING_CAP, limitsLeftToday } from "./build-review-queue.ts";
import { findQueueRows } from "./queue-rows.ts";
import { deckNotFound, loadLearnerContext } from "./review-reads.ts";

export interface DueCard {
  cardId: string;
  deckId: string;
  queue: "learning" | "review";
  due: Date;
  /** Due before the learner's day began. */
  overdue: boolean;
}

export async function listDueCards(o: {
  db: Db;
  userId: string;
  /** Decks the learner may review (as for buildReviewQueue). */
  deckIds: string[];
  now: Date;
}): Promise<{ cards: DueCard[]; day: { start: Date; end: Date } }> {
  const deckIds = [...new Set(o.deckIds)];
  const ctx = await loadLearnerContext(o.db, o.userId, deckIds);
  const day = learnerDay(o.now, ctx.day);
  if (deckIds.length === 0) return { cards: [], day };
  const decks = deckIds.map((deckId) => {
    const settings = ctx.decks.get(deckId);
    if (!settings) throw deckNotFound(deckId);
    return { deckId, settings };
  });
  // The limits as upper bounds (cut below once today's reviews are known), no new cards.
  const rows = await findQueueRows(o.db, {
    userId: o.userId,
    now: o.now,
    dayStart: day.start,
    dayEnd: day.end,
    learning: LEARNING_CAP,
    learningCap: LEARNING_CAP,
    decks: decks.map(({ deckId, settings }) => ({
      deckId,
      newCursor: 0,
      reviews: Math.max(0, settings.reviewsPerDay),
      reviewCount: 0,
      newCards: 0,
      newScan: 0,
    })),
  });
  const card = (r: (typeof rows)[number], queue: DueCard["queue"]): DueCard => {
    const due = r.due ?? o.now;
    return { cardId: r.cardId, deckId: r.deckId, queue, due, overdue: due < day.start };
  };
  const cards = rows.filter((r) => r.q === "l").map((r) => card(r, "learning"));
  for (const { deckId, settings } of decks) {
    const { reviewsLeft } = limitsLeftToday(rows, deckId, settings);
    const reviews = rows
      .filter((r) => r.q === "r" && r.deckId === deckId)
      .sort(
        (a, b) =>
          (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0) ||
          (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0),
      )
      .slice(0, reviewsLeft);
    cards.push(...reviews.map((r) => card(r, "review")));
  }
  return { cards, day };
}
