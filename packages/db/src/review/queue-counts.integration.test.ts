// The queue's review count is exact up to the daily limit, however few cards the queue reads: a
// backlog of 300 due reviews shows 200 under a limit of 200 and 300 under a limit of 1,000, and
// retired, buried and buried-sibling cards are counted out — checked against a direct computation
// over random decks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { DAY, T0 as NOW, rateCard, useTestDb } from "../testing/review-test-helpers.ts";
import { buildReviewQueue } from "./build-review-queue.ts";
import { buryCard } from "./bury-card.ts";

const { db } = useTestDb();

async function backlog(reviewsPerDay: number, cards = 300, deckSlug = "deck-1") {
  const fx = await createReviewFixture(db(), {
    deckSlug,
    cards,
    perNote: 2,
    preset: { reviewsPerDay },
  });
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
    await rateCard(db(), fx, fx.cardIds[4] as string, 3, NOW);
    expect((await counts()).review).toBe(296);
  });

  it("subtracts today's reviews from the limit", async () => {
    const { fx, counts } = await backlog(10, 40);
    for (const cardId of fx.cardIds.slice(0, 3)) await rateCard(db(), fx, cardId, 3, NOW);
    expect((await counts()).review).toBe(7);
  });
});

type Due = "new" | "overdue" | "laterToday" | "tomorrow" | "learning";
interface CardSetup {
  due: Due;
  suspended: boolean;
  buried: boolean;
  retired: boolean;
  review: 0 | 1 | 2 | 3 | 4; // 0: not reviewed today, else the rating given today
}

const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((k) => k === 1);
const cardSetup: fc.Arbitrary<CardSetup> = fc.record({
  due: fc.constantFrom<Due>("new", "overdue", "overdue", "laterToday", "tomorrow", "learning"),
  suspended: oneIn(6),
  buried: oneIn(4),
  retired: oneIn(4),
  review: fc.constantFrom<CardSetup["review"]>(0, 0, 0, 1, 3, 4),
});

describe("review count over several decks", () => {
  it("counts each deck's shown reviews up to its own limit", async () => {
    const a = await backlog(1000, 20);
    const { fx: b } = await backlog(12, 30, "deck-2");
    // Deck 1: a retired card; deck 2: a review that buries its sibling (both leave the count).
    await db().card.update({ where: { id: a.fx.cardIds[3] }, data: { retiredAt: NOW } });
    await rateCard(db(), b, b.cardIds[0] as string, 3, NOW);
    const q = await buildReviewQueue({
      db: db(),
      userId: a.fx.userId,
      deckIds: [a.fx.deckId, b.deckId],
      now: NOW,
      limit: 3,
    });
    // 19 shown in deck 1 (limit 1,000); deck 2: 28 shown, 11 left of its 12 today.
    expect(q.counts.review).toBe(19 + 11);
    expect(q.cards.filter((c) => c.queue === "review")).toHaveLength(3);
  });
});

describe("review count against a direct computation", () => {
  it("equals min(limit left, due reviews neither suspended, buried, retired nor buried siblings)", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(cardSetup, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 12 }),
        async (setups, perNote, reviewsPerDay) => {
          run++;
          const fx = await createReviewFixture(db(), {
            userId: `learner-${run}`,
            deckSlug: `deck-${run}`,
            cards: setups.length,
            perNote,
            preset: { reviewsPerDay, newPerDay: 100 },
          });
          const dueAt: Record<Due, Date | null> = {
            new: null,
            overdue: new Date(NOW.getTime() - DAY),
            laterToday: new Date(NOW.getTime() + 10 * 3_600_000), // before the day ends at 04:00
            tomorrow: new Date(NOW.getTime() + 3 * DAY),
            learning: new Date(NOW.getTime() - 60_000),
          };
          // Today's reviews first (on cards that are due and shown), then the flags.
          for (const [i, c] of setups.entries()) {
            const cardId = fx.cardIds[i] as string;
            const due = dueAt[c.due];
            if (due) {
              await db().cardState.create({
                data: {
                  userId: fx.userId,
                  cardId,
                  deckId: fx.deckId,
                  state: c.due === "learning" ? 1 : 2,
                  due,
                  stability: 10,
                  difficulty: 5,
                  scheduledDays: 10,
                  reps: 3,
                  lastReview: new Date(NOW.getTime() - 11 * DAY),
                },
              });
            }
            if (c.review > 0 && c.due !== "tomorrow") {
              await rateCard(db(), fx, cardId, c.review, NOW);
            }
          }
          for (const [i, c] of setups.entries()) {
            const cardId = fx.cardIds[i] as string;
            if (c.retired)
              await db().card.update({ where: { id: cardId }, data: { retiredAt: NOW } });
            if (c.suspended || c.buried) {
              await db().cardState.updateMany({
                where: { userId: fx.userId, cardId },
                data: {
                  ...(c.suspended ? { suspended: true } : {}),
                  ...(c.buried ? { buriedUntil: new Date(NOW.getTime() + DAY) } : {}),
                },
              });
            }
          }

          // The direct computation, from the rows.
          const dayStart = new Date("2026-03-02T04:00:00Z");
          const dayEnd = new Date("2026-03-03T04:00:00Z");
          const cards = await db().card.findMany({ where: { deckId: fx.deckId } });
          const states = await db().cardState.findMany({ where: { userId: fx.userId } });
          const logs = await db().reviewLog.findMany({
            where: { userId: fx.userId, reviewedAt: { gte: dayStart } },
          });
          const reviewed = new Set(logs.map((l) => l.cardId));
          const keyOf = new Map(cards.map((c) => [c.id, c.siblingKey]));
          const reviewedKeys = new Set(logs.map((l) => keyOf.get(l.cardId)));
          const shown = states.filter((s) => {
            const card = cards.find((c) => c.id === s.cardId);
            const siblingBuried = reviewedKeys.has(card?.siblingKey) && !reviewed.has(s.cardId);
            return (
              s.state === 2 &&
              !s.suspended &&
              s.due < dayEnd &&
              !(s.buriedUntil && s.buriedUntil > NOW) &&
              !card?.retiredAt &&
              !siblingBuried
            );
          });
          const left = Math.max(0, reviewsPerDay - logs.filter((l) => l.stateBefore === 2).length);

          const q = await buildReviewQueue({
            db: db(),
            userId: fx.userId,
            deckIds: [fx.deckId],
            now: NOW,
            limit: 50,
          });
          expect(q.counts.review).toBe(Math.min(left, shown.length));
          const shownIds = new Set(shown.map((s) => s.cardId));
          const reviewCards = q.cards.filter((c) => c.queue === "review");
          for (const c of reviewCards) expect(shownIds.has(c.cardId)).toBe(true);
          // Reviews come before new cards, so the window is never empty while one is left.
          if (left > 0 && shown.length > 0) expect(reviewCards.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40, seed: 20261128 },
    );
  });
});
