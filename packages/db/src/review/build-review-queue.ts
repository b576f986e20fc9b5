// What a learner should see next in one or more decks. See packages/db/SCHEDULING.md.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { retrievability } from "../scheduling/fsrs-adapter.ts";
import { type LearnerDay, learnerDay } from "../scheduling/learner-day.ts";
import {
  deckNotFound,
  findQueueRows,
  type LearnerContext,
  loadLearnerContext,
  type QueueQuery,
  type QueueRow,
  type Reader,
  schedulerSettings,
} from "./review-reads.ts";
import type { TReviewSettings } from "./schema.ts";

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

/**
 * Review cards read beyond the limit, most overdue first, among which the lowest retrievability
 * comes first (and one card per note); each costs ~4 µs, the count of the rest is read as a count.
 */
const REVIEW_CANDIDATES = 25;
/** Learning cards the queue counts per deck at most. */
export const LEARNING_CAP = 500;

/**
 * What the deck's daily limits leave for today: the limits minus today's reviews of new cards and
 * of review cards (the statement's "log" rows, by state before).
 */
export function limitsLeftToday(
  rows: QueueRow[],
  deckId: string,
  settings: { newPerDay: number; reviewsPerDay: number },
): { newLeft: number; reviewsLeft: number } {
  const reviewedToday = (stateBefore: number) =>
    rows.reduce(
      (n, r) => (r.q === "log" && r.deckId === deckId && r.state === stateBefore ? n + r.n : n),
      0,
    );
  return {
    newLeft: Math.max(0, settings.newPerDay - reviewedToday(0)),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - reviewedToday(2)),
  };
}

/** Used by getNextCard with a context it already loaded: one statement (findQueueRows). */
export async function buildReviewQueueWith(
  db: Reader,
  ctx: LearnerContext,
  o: Omit<BuildReviewQueueOptions, "db">,
): Promise<ReviewQueue> {
  const plan = planReviewQueue(ctx, o);
  return plan.statement ? plan.finish(await findQueueRows(db, plan.statement)) : plan.finish([]);
}

/** The queue's statement (null: no deck to read) and how its rows become the queue. */
export interface ReviewQueuePlan {
  statement: QueueQuery | null;
  finish(rows: QueueRow[]): ReviewQueue;
}

/**
 * buildReviewQueueWith in two steps, for a caller that sends the statement together with another
 * (submitReview, after its write: queryInOrder).
 */
export function planReviewQueue(
  ctx: LearnerContext,
  o: Omit<BuildReviewQueueOptions, "db">,
): ReviewQueuePlan {
  const limit = o.limit ?? 50;
  const day = learnerDay(o.now, ctx.day);
  const deckIds = [...new Set(o.deckIds)];
  const decks = deckIds.map((deckId) => {
    const settings = ctx.decks.get(deckId);
    if (!settings) throw deckNotFound(deckId);
    return { deckId, settings };
  });
  if (decks.length === 0) {
    return {
      statement: null,
      finish: () => ({ cards: [], counts: { new: 0, learning: 0, review: 0 }, day }),
    };
  }
  // The windows the queue reads (reviews: min(left, limit + candidates) by due; new cards: left from
  // the cursor), read with the preset's daily limits as upper bounds and cut below once today's
  // reviews are known. Hidden cards (retired, buried, buried siblings) are left out in SQL. The
  // new-card scan stops 20 × (take + 20) live cards after the cursor (the cursor keeps studied
  // cards out of that range).
  const newScan = (take: number) => 20 * (take + 20);
  const statement: QueueQuery = {
    userId: o.userId,
    now: o.now,
    dayStart: day.start,
    dayEnd: day.end,
    learning: limit,
    learningCap: LEARNING_CAP,
    decks: decks.map(({ deckId, settings }) => ({
      deckId,
      newCursor: ctx.newCursors.get(deckId) ?? 0,
      reviews: reviewWindow(settings.reviewsPerDay, limit),
      reviewCount: Math.max(0, settings.reviewsPerDay),
      newCards: newWindow(settings.newPerDay),
      newScan: newScan(newWindow(settings.newPerDay)),
    })),
  };
  return { statement, finish: (rows) => queueOfRows(rows, decks, day, limit, o.now) };
}

/** The review rows read for `left` reviews still allowed today: the candidates for `limit` cards. */
function reviewWindow(left: number, limit: number): number {
  return left > 0 ? Math.min(left, limit + REVIEW_CANDIDATES) : 0;
}

/** The new cards read for `left` still allowed today. */
function newWindow(left: number): number {
  return Math.max(0, left);
}

/** The queue from the statement's rows: today's limits applied, cards ordered and interleaved. */
function queueOfRows(
  rows: QueueRow[],
  decks: { deckId: string; settings: TReviewSettings }[],
  day: LearnerDay,
  limit: number,
  now: Date,
): ReviewQueue {
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  const counted = (q: QueueRow["q"], deckId: string) =>
    rows.reduce((n, r) => (r.q === q && r.deckId === deckId ? n + r.n : n), 0);

  const learning: QueueCard[] = [];
  const reviews: QueueCard[] = [];
  const fresh: QueueCard[] = [];
  for (const r of rows) {
    if (r.q === "lc") counts.learning += r.n;
    else if (r.q === "l") {
      learning.push({
        cardId: r.cardId,
        deckId: r.deckId,
        kind: r.kind,
        queue: "learning",
        state: r.state,
        due: r.due,
        retrievability: null,
        siblingKey: r.siblingKey,
      });
    }
  }
  for (const { deckId, settings } of decks) {
    const { newLeft, reviewsLeft } = limitsLeftToday(rows, deckId, settings);
    const sched = schedulerSettings(settings);
    const revCards = rows
      .filter((r) => r.q === "r" && r.deckId === deckId)
      .sort((a, b) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0))
      .slice(0, reviewWindow(reviewsLeft, limit))
      .map(
        (r): QueueCard => ({
          cardId: r.cardId,
          deckId,
          kind: r.kind,
          queue: "review",
          state: r.state,
          due: r.due,
          retrievability: retrievability(r, now, sched),
          siblingKey: r.siblingKey,
        }),
      )
      .sort((a, b) => (a.retrievability ?? 0) - (b.retrievability ?? 0))
      .slice(0, reviewsLeft);
    const newCards = rows
      .filter((r) => r.q === "n" && r.deckId === deckId)
      .sort((a, b) => a.n - b.n)
      .slice(0, newWindow(newLeft))
      .map(
        (r): QueueCard => ({
          cardId: r.cardId,
          deckId,
          kind: r.kind,
          queue: "new",
          state: 0,
          due: null,
          retrievability: null,
          siblingKey: r.siblingKey,
        }),
      )
      .slice(0, newLeft);
    counts.review += Math.min(reviewsLeft, counted("rc", deckId));
    counts.new += newCards.length;
    reviews.push(...revCards);
    fresh.push(...newCards);
  }

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
