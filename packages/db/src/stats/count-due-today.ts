// The one definition of "due today", shared by the home page, the review screen, the forecast and
// the instructor's dashboard: the cards the learner's review queue holds for the rest of the
// learner's day. That is learning cards due by now and review cards due before the day ends,
// within the deck's daily review limit, leaving out suspended, buried, retired and buried-sibling
// cards; new cards are counted apart (up to the daily new-card limit).
import type { Db } from "../client.ts";
import { listDeckIdsForUser } from "../decks/list-decks-for-user.ts";
import { buildReviewQueue } from "../review/build-review-queue.ts";

export interface DueToday {
  learning: number;
  review: number;
  /** learning + review: the figure shown as "due today". */
  due: number;
  /** New cards the learner may still start today. */
  new: number;
}

const NONE: DueToday = { learning: 0, review: 0, due: 0, new: 0 };

export async function countDueToday(o: {
  db: Db;
  userId: string;
  /** Only these decks (those the learner may not review are ignored); default every deck. */
  deckIds?: string[];
  now: Date;
}): Promise<DueToday> {
  const mine = await listDeckIdsForUser({ db: o.db, userId: o.userId });
  const deckIds = o.deckIds ? mine.filter((id) => o.deckIds?.includes(id)) : mine;
  if (deckIds.length === 0) return NONE;
  const { counts } = await buildReviewQueue({
    db: o.db,
    userId: o.userId,
    deckIds,
    now: o.now,
    limit: 0,
  });
  return {
    learning: counts.learning,
    review: counts.review,
    due: counts.learning + counts.review,
    new: counts.new,
  };
}
