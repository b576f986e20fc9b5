// The queue's review count is exact up to the daily limit, however few cards the queue reads: a
// backlog of 300 due reviews shows 200 under a limit of 200 and 300 under a limit of 1,000, and
// retired, buried and buried-sibling cards are counted out.
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { useTestDb } from "../testing/review-test-helpers.ts";
import { buildReviewQueue } from "./build-review-queue.ts";
import { buryCard } from "./bury-card.ts";
import { submitReview } from "./submit-review.ts";

const { db } = useTestDb();

const NOW = new Date("2026-03-02T15:00:00Z");
const DAY = 86_400_000;

async function backlog(reviewsPerDay: number, cards = 300) {
  const fx = await createReviewFixture(db(), { cards, perNote: 2, preset: { reviewsPerDay } });
  await db().cardState.createMany({
    data: fx.cardIds.map((cardId, i) => ({
      userId: fx.userId,
      cardId,
      deckId: fx.deckId,
      state: 2,
      // Overdue by 1 to 300 minutes: a distinct order by due.
      due: new Date(NOW.getTime() - DAY - i * 60_000),
      stability: 10,
      difficulty: 5,
      elapsedDays: 10,
      scheduledDays: 10,
      reps: 3,
      lastReview: new Date(NOW.getTime() - 11 * DAY),
      createdAt: new Date(NOW.getTime() - 30 * DAY),
      updatedAt: new Date(NOW.getTime() - 11 * DAY),
    })),
  });
  const counts = async () =>
    (
      await buildReviewQueue({
        db: db(),
        userId: fx.userId,
        deckIds: [fx.deckId],
        now: NOW,
        limit: 1,
      })
    ).counts;
  return { fx, counts };
}

describe("review count", () => {
  it("counts every due review up to the daily limit", async () => {
    const { counts } = await backlog(200);
    expect(await counts()).toEqual({ new: 0, learning: 0, review: 200 });
  });

  it("counts past the queue's window when the limit allows", async () => {
    const { fx, counts } = await backlog(1000);
    expect(await counts()).toEqual({ new: 0, learning: 0, review: 300 });

    // A retired card, a buried card, and a review that buries its sibling (cards 4 and 5 share a
    // note): 300 − 1 − 1 − 2.
    await db().card.update({ where: { id: fx.cardIds[0] }, data: { retiredAt: NOW } });
    await buryCard({ db: db(), userId: fx.userId, cardId: fx.cardIds[2] as string, now: NOW });
    await submitReview({
      db: db(),
      userId: fx.userId,
      cardId: fx.cardIds[4] as string,
      requestId: "count-1",
      rating: 3,
      durationMs: 3000,
      now: NOW,
    });
    expect((await counts()).review).toBe(296);
  });

  it("subtracts today's reviews from the limit", async () => {
    const { fx, counts } = await backlog(10, 40);
    for (const [i, cardId] of fx.cardIds.slice(0, 3).entries()) {
      await submitReview({
        db: db(),
        userId: fx.userId,
        cardId,
        requestId: `limit-${i}`,
        rating: 3,
        durationMs: 3000,
        now: NOW,
      });
    }
    expect((await counts()).review).toBe(7);
  });
});
