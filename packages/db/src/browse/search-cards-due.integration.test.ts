// The card browser's "due today" and "overdue" are the learner's queue's and the group dashboard's:
// a learner with a daily review limit partly used today, a buried card, a retired one, a card
// buried as the sibling of today's review, a suspended one and learning cards finds, in the browser,
// exactly the cards their queue counts, as many as the dashboard shows for them.
import { describe, expect, it } from "vitest";
import { countMembersDue } from "../groups/dashboard-due.ts";
import { buildReviewQueue } from "../review/build-review-queue.ts";
import { buryCard } from "../review/bury-card.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { countDueToday } from "../stats/count-due-today.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { MIN, T0 as NOW, rateCard, useTestDb } from "../testing/review-test-helpers.ts";
import { testDbKind } from "../testing/test-db.ts";
import { searchCards } from "./search-cards.ts";

const { db } = useTestDb();
const HOUR = 60 * MIN;

async function learnerWithBacklog() {
  // Cards 2k and 2k+1 share a note. Limit: 6 reviews a day.
  const fx = await createReviewFixture(db(), {
    cards: 20,
    perNote: 2,
    preset: { reviewsPerDay: 6 },
  });
  const day = learnerDay(NOW, { timeZone: "UTC", dayStartHour: 4 });
  const id = (i: number) => fx.cardIds[i] as string;
  const state = (i: number, s: number, due: Date, suspended = false) => ({
    userId: fx.userId,
    cardId: id(i),
    deckId: fx.deckId,
    state: s,
    due,
    suspended,
    stability: 10,
    difficulty: 5,
    elapsedDays: 10,
    scheduledDays: 10,
    reps: 3,
    lastReview: new Date(day.start.getTime() - 10 * 24 * HOUR),
  });
  await db().cardState.createMany({
    data: [
      // 0–11: reviews due before the day began (card i by i + 1 hours: 11 is the most overdue).
      ...Array.from({ length: 12 }, (_, i) =>
        state(i, 2, new Date(day.start.getTime() - (i + 1) * HOUR)),
      ),
      // 12–15: reviews due later today.
      ...[12, 13, 14, 15].map((i) => state(i, 2, new Date(NOW.getTime() + 2 * HOUR))),
      // 16: learning, due before the day began; 17: relearning, due since this morning.
      state(16, 1, new Date(day.start.getTime() - HOUR)),
      state(17, 3, new Date(NOW.getTime() - 10 * MIN)),
      // 18: suspended, overdue; 19 stays new.
      state(18, 2, new Date(day.start.getTime() - HOUR), true),
    ],
  });
  await buryCard({ db: db(), userId: fx.userId, cardId: id(1), now: NOW });
  await db().card.update({ where: { id: id(3) }, data: { retiredAt: NOW } });
  // A review today: one of the 6 used, and card 5 (its sibling) is buried for the day.
  await rateCard(db(), fx, id(4), 3, NOW);
  return { fx, day, id };
}

describe(`the browser's due filters are the queue's on ${testDbKind()}`, () => {
  it("finds the cards the queue and the dashboard count as overdue and due today", async () => {
    const { fx, day, id } = await learnerWithBacklog();
    const search = (due: "today" | "overdue", extra: { page?: number; pageSize?: number } = {}) =>
      searchCards({ db: db(), userId: fx.userId, due, now: NOW, ...extra });

    // Shown overdue reviews: 0, 2, 6–11 (1 buried, 3 retired, 4 reviewed, 5 buried as its
    // sibling); 5 left of the limit: the 5 most overdue (7–11). Plus learning card 16.
    const overdue = await search("overdue");
    const overdueIds = [7, 8, 9, 10, 11, 16].map(id);
    expect(overdue.total).toBe(6);
    expect(overdue.items.map((r) => r.id).sort()).toEqual([...overdueIds].sort());
    // The old rule (every studied, unsuspended card due before the day) counted more.
    const naive = await db().cardState.count({
      where: { userId: fx.userId, state: { not: 0 }, suspended: false, due: { lt: day.start } },
    });
    expect(naive).toBeGreaterThan(overdue.total);

    // Due today: the 5 reviews the limit leaves and learning cards 16 and 17.
    const today = await search("today");
    expect(today.total).toBe(7);
    expect(today.items.map((r) => r.id)).toEqual(expect.arrayContaining([...overdueIds, id(17)]));

    // The learner's queue and home page, and the group dashboard, count the same.
    const queue = await buildReviewQueue({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: NOW,
      limit: 0,
    });
    expect(queue.counts.learning + queue.counts.review).toBe(today.total);
    expect((await countDueToday({ db: db(), userId: fx.userId, now: NOW })).due).toBe(today.total);
    const dashboard = await countMembersDue({ db: db(), groupId: fx.groupId, now: NOW });
    expect(dashboard.get(fx.userId)).toEqual({ dueToday: today.total, overdue: overdue.total });

    // Pages of the due cards, in the browser's order (deck, position).
    const first = await search("today", { pageSize: 4 });
    const second = await search("today", { pageSize: 4, page: 2 });
    expect([first.total, second.total, second.pages]).toEqual([7, 7, 2]);
    // A page past the last shows the last.
    expect(await search("today", { pageSize: 4, page: 9 })).toEqual(second);
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual(
      [7, 8, 9, 10, 11, 16, 17].map(id),
    );
  });

  it("combines the due filters with the others", async () => {
    const { fx, id } = await learnerWithBacklog();
    const learning = await searchCards({
      db: db(),
      userId: fx.userId,
      due: "overdue",
      state: "learning",
      now: NOW,
    });
    expect(learning.items.map((r) => r.id)).toEqual([id(16)]);
    // Cards 9 (overdue) and 12 (due later today) hold the word.
    for (const i of [9, 12]) {
      await db().card.update({ where: { id: id(i) }, data: { searchText: `needle ${i}` } });
    }
    const byText = await searchCards({
      db: db(),
      userId: fx.userId,
      due: "overdue",
      query: "needle",
      now: NOW,
    });
    expect(byText.items.map((r) => r.id)).toEqual([id(9)]);
    expect(byText.total).toBe(1);
  });
});
