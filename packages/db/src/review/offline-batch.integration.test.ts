// Offline reviews against a real database (temp SQLite file, or its own Postgres database in
// `npm run test:pg`): the window, the batch scheduled at each review's time, exactly once across
// concurrent batches, the time bounds, the clock-skew correction and the conflict rule.
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { DAY, MIN, rateCard, T0, useTestDb } from "../testing/review-test-helpers.ts";
import { getReviewWindow } from "./get-review-window.ts";
import { submitReview } from "./submit-review.ts";
import { type OfflineReview, submitReviewBatch } from "./submit-review-batch.ts";

const { db } = useTestDb();

let n = 0;
const offline = (cardId: string, rating: number, at: Date): OfflineReview => ({
  requestId: `offline-${++n}`,
  cardId,
  rating,
  durationMs: 1_500,
  reviewedAt: at,
});

describe("getReviewWindow", () => {
  it("keeps today's queue up to the cap and the next day's first cards", async () => {
    const fx = await createReviewFixture(db(), { cards: 30, preset: { newPerDay: 10 } });
    const w = await getReviewWindow({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
      cap: 6,
      nextDayCards: 5,
    });
    const today = w.cards.filter((c) => c.day === "today");
    const next = w.cards.filter((c) => c.day === "next");
    expect(today.map((c) => c.card.id)).toEqual(fx.cardIds.slice(0, 6));
    expect(w.counts.new).toBe(10);
    // Tomorrow's first cards, as if today's window were reviewed: today's cards left out of the
    // window (6–9) come first, then tomorrow's new ones.
    expect(next.map((c) => c.card.id)).toEqual(fx.cardIds.slice(6, 11));
    const all = await getReviewWindow({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(all.cards.filter((c) => c.day === "next").map((c) => c.card.id)).toEqual(
      fx.cardIds.slice(10, 20),
    );
    expect(next.every((c) => c.from.getTime() === w.nextDay.start.getTime())).toBe(true);
    expect(today[0]?.preview.map((p) => p.label)).toHaveLength(4);
    // A read: nothing written.
    expect(await db().cardState.count()).toBe(0);
  });
});

describe("submitReviewBatch", () => {
  it("schedules each review at its own time, in order, as submitReview would have", async () => {
    const fx = await createReviewFixture(db(), { cards: 3 });
    const twin = await createReviewFixture(db(), { userId: "twin", deckSlug: "twin", cards: 3 });
    const times = [T0, new Date(T0.getTime() + 2 * MIN), new Date(T0.getTime() + 5 * MIN)];
    const ratings = [3, 1, 4];
    const now = new Date(T0.getTime() + 3 * 60 * MIN);
    const r = await submitReviewBatch({
      db: db(),
      userId: fx.userId,
      reviews: fx.cardIds.map((id, i) => offline(id, ratings[i] as number, times[i] as Date)),
      sentAt: now,
      now,
    });
    expect(r.skewMs).toBe(0);
    expect(r.outcomes.map((o) => o.status)).toEqual(["recorded", "recorded", "recorded"]);
    const logs = await db().reviewLog.findMany({
      where: { userId: fx.userId },
      orderBy: { reviewedAt: "asc" },
    });
    expect(logs.map((l) => l.reviewedAt.getTime())).toEqual(times.map((t) => t.getTime()));
    // The same reviews given online at those instants (the twin learner) schedule the same.
    for (const [i, id] of twin.cardIds.entries()) {
      await rateCard(db(), twin, id, ratings[i] as number, times[i] as Date);
    }
    const twinLogs = await db().reviewLog.findMany({
      where: { userId: "twin" },
      orderBy: { reviewedAt: "asc" },
    });
    expect(logs.map((l) => [l.rating, l.dueAfter.getTime(), l.stability])).toEqual(
      twinLogs.map((l) => [l.rating, l.dueAfter.getTime(), l.stability]),
    );
  });

  it("records the same batch sent twice concurrently once", async () => {
    const fx = await createReviewFixture(db(), { cards: 8, preset: { newPerDay: 20 } });
    const reviews = fx.cardIds.map((id, i) =>
      offline(id, (i % 4) + 1, new Date(T0.getTime() + i * MIN)),
    );
    const now = new Date(T0.getTime() + 60 * MIN);
    const send = () =>
      submitReviewBatch({ db: db(), userId: fx.userId, reviews, sentAt: now, now });
    const [a, b] = await Promise.all([send(), send()]);
    const statuses = [...(a?.outcomes ?? []), ...(b?.outcomes ?? [])].map((o) => o.status);
    expect(statuses.filter((s) => s === "recorded")).toHaveLength(8);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(8);
    // And once more, later: still nothing new.
    const again = await send();
    expect(again.outcomes.every((o) => o.status === "duplicate")).toBe(true);
    const logs = await db().reviewLog.findMany({ where: { userId: fx.userId } });
    expect(logs).toHaveLength(8);
    expect(new Set(logs.map((l) => l.requestId)).size).toBe(8);
    const states = await db().cardState.findMany({ where: { userId: fx.userId } });
    expect(states.every((s) => s.reps === 1)).toBe(true);
  });

  it("refuses a review of a card retired meanwhile, with its reason, and records the rest", async () => {
    const fx = await createReviewFixture(db(), { cards: 3 });
    const [a, b, c] = fx.cardIds as [string, string, string];
    await db().card.update({ where: { id: b }, data: { retiredAt: new Date(T0.getTime() + MIN) } });
    const now = new Date(T0.getTime() + 30 * MIN);
    const r = await submitReviewBatch({
      db: db(),
      userId: fx.userId,
      reviews: [offline(a, 3, T0), offline(b, 3, T0), offline(c, 3, T0)],
      now,
    });
    expect(r.outcomes.map((o) => o.status)).toEqual(["recorded", "refused", "recorded"]);
    const refused = r.outcomes[1];
    expect(refused?.status === "refused" && refused.reason).toMatchObject({
      code: "CONFLICT",
      key: "cardRetired",
    });
    expect(await db().reviewLog.count({ where: { cardId: b } })).toBe(0);
  });

  it("refuses a review older than the card's last review (reviewed on another device)", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const id = fx.cardIds[0] as string;
    // Another device: rated Again at T0 + 10 min (the card stays in learning).
    await submitReview({
      db: db(),
      userId: fx.userId,
      cardId: id,
      requestId: "elsewhere",
      rating: 1,
      durationMs: 1,
      now: new Date(T0.getTime() + 10 * MIN),
    });
    const r = await submitReviewBatch({
      db: db(),
      userId: fx.userId,
      reviews: [offline(id, 3, new Date(T0.getTime() + 5 * MIN))],
      now: new Date(T0.getTime() + 20 * MIN),
    });
    const o = r.outcomes[0];
    expect(o?.status === "refused" && o.reason.key).toBe("reviewedElsewhere");
    expect(await db().reviewLog.count()).toBe(1);
  });

  it("bounds review times and corrects a device clock that is off", async () => {
    const fx = await createReviewFixture(db(), { cards: 4 });
    const [a, b, c, d] = fx.cardIds as [string, string, string, string];
    const now = new Date(T0.getTime() + 8 * DAY);
    const r = await submitReviewBatch({
      db: db(),
      userId: fx.userId,
      reviews: [
        offline(a, 3, new Date(now.getTime() - 8 * DAY)), // older than 7 days
        offline(b, 3, new Date(now.getTime() + 10 * MIN)), // in the future
        offline(c, 3, new Date(now.getTime() + 2 * MIN)), // within the allowance: recorded now
      ],
      sentAt: now,
      now,
    });
    expect(r.outcomes.map((o) => (o.status === "refused" ? o.reason.key : o.status))).toEqual([
      "reviewTooOld",
      "reviewInFuture",
      "recorded",
    ]);
    expect(r.outcomes[2]?.reviewedAt.getTime()).toBe(now.getTime());
    // A phone whose clock is an hour behind: its times are moved forward by the difference.
    const slow = await submitReviewBatch({
      db: db(),
      userId: fx.userId,
      reviews: [offline(d, 3, new Date(now.getTime() - 70 * MIN))],
      sentAt: new Date(now.getTime() - 60 * MIN),
      now,
    });
    expect(slow.skewMs).toBe(60 * MIN);
    expect(slow.outcomes[0]?.reviewedAt.getTime()).toBe(now.getTime() - 10 * MIN);
  });
});
