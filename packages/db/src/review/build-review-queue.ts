// What a learner should see next in one or more decks. See packages/db/SCHEDULING.md.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { retrievability } from "../scheduling/fsrs-adapter.ts";
import { type LearnerDay, learnerDay } from "../scheduling/learner-day.ts";
import {
  findDueLearning,
  findDueReviews,
  findLogsSince,
  findNewCards,
  findNewCursors,
  type LearnerContext,
  loadLearnerContext,
  memoryOf,
  type Reader,
  schedulerSettings,
} from "./data.ts";

export type QueueKind = "learning" | "review" | "new";

export interface QueueCard {
  cardId: string;
  deckId: string;
  /** Card.kind: "basic" | "cloze" | "listRecall" | "exercise" */
  kind: string;
  queue: QueueKind;
  /** ts-fsrs state (0 New … 3 Relearning). */
  state: number;
  due: Date | null;
  /** Probability of recall now (reviews only). */
  retrievability: number | null;
  siblingKey: string;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface BuildReviewQueueOptions {
  db: Db;
  userId: string;
  deckIds: string[];
  now: Date;
  /** How many cards to return (default 50). Counts are computed regardless. */
  limit?: number;
}

export interface ReviewQueue {
  cards: QueueCard[];
  counts: QueueCounts;
  day: LearnerDay;
}

/** Extra rows fetched beyond the limits so buried siblings can be dropped without a second query. */
const MARGIN = 50;
const LEARNING_CAP = 500;

/** Used by getNextCard with a context it already loaded. */
export async function buildReviewQueueWith(
  db: Reader,
  ctx: LearnerContext,
  o: Omit<BuildReviewQueueOptions, "db">,
): Promise<ReviewQueue> {
  const limit = o.limit ?? 50;
  const day = learnerDay(o.now, ctx.day);
  const deckIds = [...new Set(o.deckIds)];
  const [today, cursors] = await Promise.all([
    findLogsSince(db, o.userId, day.start),
    findNewCursors(db, o.userId, deckIds),
  ]);
  // Siblings (cards of the same note) of anything reviewed today are buried until tomorrow.
  const reviewedToday = new Set(today.map((l) => l.cardId));
  const buriedSiblings = new Set(today.map((l) => l.card.siblingKey));
  const isBuriedSibling = (c: { id: string; siblingKey: string }) =>
    buriedSiblings.has(c.siblingKey) && !reviewedToday.has(c.id);
  const notBuried = (s: { buriedUntil: Date | null }) => !s.buriedUntil || s.buriedUntil <= o.now;

  const learning: QueueCard[] = [];
  const reviews: QueueCard[] = [];
  const fresh: QueueCard[] = [];
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };

  await Promise.all(
    deckIds.map(async (deckId) => {
      const settings = ctx.decks.get(deckId);
      if (!settings) throw new AppError("FORBIDDEN", `deck ${deckId} is not available`);
      const doneToday = today.filter((l) => l.deckId === deckId);
      const newLeft = Math.max(
        0,
        settings.newPerDay - doneToday.filter((l) => l.stateBefore === 0).length,
      );
      const reviewsLeft = Math.max(
        0,
        settings.reviewsPerDay - doneToday.filter((l) => l.stateBefore === 2).length,
      );
      const sched = schedulerSettings(settings);
      const [lrn, rev, nw] = await Promise.all([
        findDueLearning(db, o.userId, deckId, o.now, LEARNING_CAP),
        reviewsLeft > 0
          ? findDueReviews(
              db,
              o.userId,
              deckId,
              day.end,
              Math.min(reviewsLeft, limit + MARGIN) + MARGIN,
            )
          : Promise.resolve([]),
        newLeft > 0
          ? findNewCards(db, o.userId, deckId, cursors.get(deckId) ?? 0, o.now, newLeft + MARGIN)
          : Promise.resolve([]),
      ]);
      const lrnCards = lrn
        .filter((s) => s.card.retiredAt === null && notBuried(s))
        .map(
          (s): QueueCard => ({
            cardId: s.cardId,
            deckId,
            kind: s.card.kind,
            queue: "learning",
            state: s.state,
            due: s.due,
            retrievability: null,
            siblingKey: s.card.siblingKey,
          }),
        );
      const revCards = rev
        .filter((s) => s.card.retiredAt === null && notBuried(s) && !isBuriedSibling(s.card))
        .map(
          (s): QueueCard => ({
            cardId: s.cardId,
            deckId,
            kind: s.card.kind,
            queue: "review",
            state: s.state,
            due: s.due,
            retrievability: retrievability(memoryOf(s), o.now, sched),
            siblingKey: s.card.siblingKey,
          }),
        )
        .sort((a, b) => (a.retrievability ?? 0) - (b.retrievability ?? 0))
        .slice(0, reviewsLeft);
      const newCards = nw
        .filter((c) => !isBuriedSibling(c))
        .map(
          (c): QueueCard => ({
            cardId: c.id,
            deckId,
            kind: c.kind,
            queue: "new",
            state: 0,
            due: null,
            retrievability: null,
            siblingKey: c.siblingKey,
          }),
        )
        .slice(0, newLeft);
      counts.learning += lrnCards.length;
      counts.review += revCards.length;
      counts.new += newCards.length;
      learning.push(...lrnCards);
      reviews.push(...revCards);
      fresh.push(...newCards);
    }),
  );

  // Learning cards first (their minute-level due has arrived), then reviews with new cards mixed
  // in evenly; one card per note in the list (siblings are not shown back to back).
  learning.sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0));
  reviews.sort((a, b) => (a.retrievability ?? 0) - (b.retrievability ?? 0));
  const ordered = [...learning, ...interleave(reviews, fresh)];
  const seen = new Set<string>();
  const cards: QueueCard[] = [];
  for (const c of ordered) {
    if (cards.length >= limit) break;
    if (c.queue !== "learning") {
      if (seen.has(c.siblingKey)) continue;
      seen.add(c.siblingKey);
    }
    cards.push(c);
  }
  return { cards, counts, day };
}

/** Spreads `b` evenly through `a` (Anki's "mix new cards with reviews"). */
export function interleave<T>(a: T[], b: T[]): T[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: T[] = [];
  const every = (a.length + b.length) / b.length;
  let ai = 0;
  let bi = 0;
  for (let i = 0; i < a.length + b.length; i++) {
    const wantB = bi < b.length && (ai >= a.length || Math.floor((i + 1) / every) > bi);
    if (wantB) out.push(b[bi++] as T);
    else out.push(a[ai++] as T);
  }
  return out;
}

export async function buildReviewQueue(o: BuildReviewQueueOptions): Promise<ReviewQueue> {
  if (o.deckIds.length === 0)
    throw new AppError("BAD_INPUT", "choose at least one deck", { field: "deckIds" });
  const ctx = await loadLearnerContext(o.db, o.userId, [...new Set(o.deckIds)]);
  return buildReviewQueueWith(o.db, ctx, o);
}
