// Shared by the review service's integration tests: a fresh database per test (a temp SQLite file
// or a database of its own in the real Postgres), fixed instants and request ids.
import { afterEach, beforeEach } from "vitest";
import type { Db } from "../client.ts";
import { buildReviewQueue } from "../review/build-review-queue.ts";
import { submitReview } from "../review/submit-review.ts";
import { createTestDb, type TestDb } from "./test-db.ts";

export const T0 = new Date("2026-03-02T15:00:00Z");
export const MIN = 60_000;
export const DAY = 86_400_000;
let seq = 0;
export const rid = () => `req-${++seq}`;

/** The rejection of a promise that must reject. */
export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

/** A fresh database for each test of the file: `db()` and `url()` are the current test's. */
export function useTestDb(): { db: () => TestDb["db"]; url: () => string } {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.destroy();
  });
  return { db: () => t.db, url: () => t.url };
}

/** The fixture learner rates `cardId` at `now` (a new request id, 1 ms spent on the card). */
export function rateCard(
  db: Db,
  fx: { userId: string },
  cardId: string,
  rating: number,
  now: Date,
) {
  return submitReview({
    db,
    userId: fx.userId,
    cardId,
    requestId: rid(),
    rating,
    durationMs: 1,
    now,
  });
}

/** The fixture learner's queue of the fixture's deck at `now`. */
export function deckQueue(db: Db, fx: { userId: string; deckId: string }, now: Date) {
  return buildReviewQueue({ db, userId: fx.userId, deckIds: [fx.deckId], now });
}
