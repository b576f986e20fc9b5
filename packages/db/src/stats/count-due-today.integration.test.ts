// One "due today" for the home page, the review queue, the forecast and the instructor's dashboard:
// with cards overdue, due later today, due tomorrow, learning now and later, buried, suspended,
// retired, a sibling buried by today's review and a daily limit, the four figures agree.
import { describe, expect, it } from "vitest";
import { countMembersDue } from "../groups/dashboard-due.ts";
import { buildReviewQueue } from "../review/build-review-queue.ts";
import { buryCard } from "../review/bury-card.ts";
import { suspendCard } from "../review/suspend-card.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { DAY, MIN, T0 as NOW, rateCard, useTestDb } from "../testing/review-test-helpers.ts";
import { countDueToday } from "./count-due-today.ts";
import { getDueForecast } from "./get-due-forecast.ts";

const { db } = useTestDb();

async function setup(reviewsPerDay: number) {
  // 16 cards, two per note; the learner's day is Seoul's, starting at 04:00.
  const fx = await createReviewFixture(db(), {
    cards: 16,
    perNote: 2,
    timeZone: "Asia/Seoul",
    preset: { reviewsPerDay, newPerDay: 0 },
  });
  // NOW = 2026-03-03 00:00 KST: the day ends at 04:00 KST (19:00 UTC).
  const dues: [number, number][] = [
    // [state, due offset from NOW]
    [2, -3 * DAY],
    [2, -DAY],
    [2, -MIN],
    [2, 60 * MIN], // later today (before 04:00 KST)
    [2, 5 * 60 * MIN], // tomorrow (after 04:00 KST)
    [2, 2 * DAY],
    [1, -5 * MIN], // learning, due now
    [3, 30 * MIN], // relearning, due later: not yet
    [2, -2 * DAY], // buried below
    [2, -2 * DAY], // suspended below
    [2, -2 * DAY], // retired below
    [2, -4 * DAY], // the sibling of the retired card: due
    [2, -4 * DAY], // rated below: its sibling (13) is buried for the day
    [2, -HOURS(2)],
  ];
  await db().cardState.createMany({
    data: dues.map(([state, offset], i) => ({
      userId: fx.userId,
      cardId: fx.cardIds[i] as string,
      deckId: fx.deckId,
      state,
      due: new Date(NOW.getTime() + offset),
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
  await buryCard({ db: db(), userId: fx.userId, cardId: fx.cardIds[8] as string, now: NOW });
  await suspendCard({ db: db(), userId: fx.userId, cardId: fx.cardIds[9] as string, now: NOW });
  await db().card.update({ where: { id: fx.cardIds[10] }, data: { retiredAt: NOW } });
  await rateCard(db(), fx, fx.cardIds[12] as string, 3, NOW);
  return fx;
}

function HOURS(h: number) {
  return h * 60 * MIN;
}

describe("due today", () => {
  it.each([
    [200, 6],
    [4, 4],
  ])("agrees across home, queue, forecast and dashboard (review limit %i)", async (limit, due) => {
    const fx = await setup(limit);
    const home = await countDueToday({ db: db(), userId: fx.userId, now: NOW });
    const queue = await buildReviewQueue({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: NOW,
      limit: 0,
    });
    const forecast = await getDueForecast({ db: db(), userId: fx.userId, now: NOW, days: 7 });
    const dashboard = await countMembersDue({ db: db(), groupId: fx.groupId, now: NOW });
    // Reviews: 0, 1, 2, 3, 11 (due by the day's end); learning: 6. Under a limit of 4, with one
    // review done today: 3 + 1. Not: 4, 5 (tomorrow on), 7 (later), 8 buried, 9 suspended,
    // 10 retired, 12 reviewed, 13 its buried sibling.
    expect(home.due).toBe(due);
    expect(home.learning).toBe(1);
    expect(queue.counts.learning + queue.counts.review).toBe(home.due);
    expect(forecast[0]?.due).toBe(home.due);
    expect(dashboard.get(fx.userId)?.dueToday).toBe(home.due);
    // Nothing is lost from the forecast: what today leaves out counts tomorrow.
    const total = forecast.reduce((n, d) => n + d.due, 0);
    const scheduled = await db().cardState.count({
      where: {
        userId: fx.userId,
        state: { not: 0 },
        suspended: false,
        card: { retiredAt: null },
        due: { lt: new Date(NOW.getTime() + 7 * DAY) },
      },
    });
    expect(total).toBeLessThanOrEqual(scheduled);
    expect(total).toBeGreaterThanOrEqual(scheduled - 1);
  });

  it("is zero for a learner without decks, and ignores decks they cannot review", async () => {
    const fx = await setup(200);
    expect(
      await countDueToday({ db: db(), userId: fx.userId, deckIds: ["nope"], now: NOW }),
    ).toEqual({ learning: 0, review: 0, due: 0, new: 0 });
  });
});
