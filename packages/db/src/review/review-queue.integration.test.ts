// The review queue against a real database (temp SQLite file or its own Postgres database): order,
// daily limits, learner days across time zones and DST, siblings, exclusions, exact boundaries.

import { isAppError } from "@strides/content";
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import {
  DAY,
  deckQueue,
  errorOf,
  MIN,
  rateCard,
  rid,
  T0,
  useTestDb,
} from "../testing/review-test-helpers.ts";
import { buryCard } from "./bury-card.ts";
import { forgetCard } from "./forget-card.ts";
import { suspendCard } from "./suspend-card.ts";
import { unsuspendCard } from "./unsuspend-card.ts";

const { db } = useTestDb();

describe("queue", () => {
  it("shows new cards in deck order up to the daily limit, then learning cards when due", async () => {
    const fx = await createReviewFixture(db(), { cards: 5, preset: { newPerDay: 2 } });
    const q = await deckQueue(db(), fx, T0);
    expect(q.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(q.cards.map((c) => c.cardId)).toEqual(fx.cardIds.slice(0, 2));
    await rateCard(db(), fx, fx.cardIds[0] as string, 1, T0);
    const q2 = await deckQueue(db(), fx, T0);
    expect(q2.counts).toEqual({ new: 1, learning: 0, review: 0 });
    const q3 = await deckQueue(db(), fx, new Date(T0.getTime() + MIN));
    expect(q3.cards[0]).toMatchObject({ cardId: fx.cardIds[0], queue: "learning" });
    expect(q3.counts).toEqual({ new: 1, learning: 1, review: 0 });
  });

  it("limits reviews per day and orders them by lowest retrievability", async () => {
    const fx = await createReviewFixture(db(), {
      cards: 4,
      preset: { reviewsPerDay: 2, newPerDay: 10 },
    });
    // Graduate all four cards with Easy on different days so their stabilities differ.
    for (const [i, cardId] of fx.cardIds.entries()) {
      await rateCard(db(), fx, cardId, 4, new Date(T0.getTime() - (10 + i) * DAY));
    }
    const later = new Date(T0.getTime() + 60 * DAY);
    const q = await deckQueue(db(), fx, later);
    expect(q.counts.review).toBe(2);
    const r = q.cards.map((c) => c.retrievability ?? 0);
    expect(r).toEqual([...r].sort((a, b) => a - b));
    await rateCard(db(), fx, q.cards[0]?.cardId as string, 3, later);
    await rateCard(db(), fx, q.cards[1]?.cardId as string, 3, later);
    const q2 = await deckQueue(db(), fx, later);
    expect(q2.counts.review).toBe(0);
  });

  it("in Asia/Seoul with the day starting at 04:00, a review at 03:59 belongs to the previous day", async () => {
    const fx = await createReviewFixture(db(), {
      cards: 3,
      timeZone: "Asia/Seoul",
      dayStartHour: 4,
      preset: { newPerDay: 1 },
    });
    const at0359 = new Date("2026-03-09T18:59:00Z"); // 2026-03-10 03:59 KST
    const at0400 = new Date("2026-03-09T19:00:00Z"); // 04:00 KST
    const q = await deckQueue(db(), fx, at0359);
    expect(q.day.key).toBe("2026-03-09");
    await rateCard(db(), fx, fx.cardIds[0] as string, 4, at0359);
    const same = await deckQueue(db(), fx, new Date(at0359.getTime() + 30_000));
    expect(same.counts.new).toBe(0);
    const next = await deckQueue(db(), fx, at0400);
    expect(next.day.key).toBe("2026-03-10");
    expect(next.counts.new).toBe(1);
  });

  it("counts the day in New York across the spring DST change", async () => {
    const fx = await createReviewFixture(db(), {
      cards: 3,
      timeZone: "America/New_York",
      dayStartHour: 4,
      preset: { newPerDay: 1 },
    });
    const sat = new Date("2026-03-08T07:30:00Z"); // 03:30 EDT Sunday → still Saturday's day
    await rateCard(db(), fx, fx.cardIds[0] as string, 4, sat);
    const before = await deckQueue(db(), fx, new Date("2026-03-08T07:59:00Z"));
    expect(before.day.key).toBe("2026-03-07");
    expect(before.counts.new).toBe(0);
    const after = await deckQueue(db(), fx, new Date("2026-03-08T08:00:00Z"));
    expect(after.day.key).toBe("2026-03-08");
    expect(after.counts.new).toBe(1);
  });

  it("buries siblings of a reviewed card until the next day", async () => {
    const fx = await createReviewFixture(db(), { cards: 4, perNote: 2, preset: { newPerDay: 10 } });
    const q = await deckQueue(db(), fx, T0);
    // One card per note in the list.
    expect(q.cards.map((c) => c.cardId)).toEqual([fx.cardIds[0], fx.cardIds[2]]);
    await rateCard(db(), fx, fx.cardIds[0] as string, 4, T0);
    const q2 = await deckQueue(db(), fx, T0);
    expect(q2.cards.map((c) => c.cardId)).toEqual([fx.cardIds[2]]);
    const tomorrow = await deckQueue(db(), fx, new Date(T0.getTime() + DAY));
    expect(tomorrow.cards.map((c) => c.cardId)).toContain(fx.cardIds[1]);
  });

  it("excludes suspended, buried and retired cards", async () => {
    const fx = await createReviewFixture(db(), { cards: 4, preset: { newPerDay: 10 } });
    const [a, b, c, d] = fx.cardIds as [string, string, string, string];
    await suspendCard({ db: db(), userId: fx.userId, cardId: a, now: T0 });
    await buryCard({ db: db(), userId: fx.userId, cardId: b, now: T0 });
    await db().card.update({ where: { id: c }, data: { retiredAt: T0 } });
    const q = await deckQueue(db(), fx, T0);
    expect(q.cards.map((x) => x.cardId)).toEqual([d]);
    await unsuspendCard({ db: db(), userId: fx.userId, cardId: a, now: T0 });
    const q2 = await deckQueue(db(), fx, new Date(T0.getTime() + DAY));
    expect(q2.cards.map((x) => x.cardId)).toEqual([a, b, d]);
    const e = await errorOf(rateCard(db(), fx, c, 3, T0));
    expect(isAppError(e) && e.code).toBe("CONFLICT");
  });

  it("compares dates exactly at the boundaries (raw SQL on both databases)", async () => {
    // UTC, day from 04:00: T0 (15:00) is in the day [2026-03-02T04:00, 2026-03-03T04:00).
    const fx = await createReviewFixture(db(), { cards: 6, preset: { newPerDay: 2 } });
    const [lrn, atEnd, beforeEnd, buried, fresh, done] = fx.cardIds as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const dayStart = new Date("2026-03-02T04:00:00.000Z");
    const dayEnd = new Date("2026-03-03T04:00:00.000Z");
    const state = (cardId: string, s: number, due: Date, buriedUntil: Date | null = null) =>
      db().cardState.create({
        data: {
          userId: fx.userId,
          cardId,
          deckId: fx.deckId,
          state: s,
          due,
          stability: s === 0 ? 0 : 3,
          difficulty: s === 0 ? 0 : 5,
          reps: s === 0 ? 0 : 2,
          lastReview: s === 0 ? null : new Date(T0.getTime() - 3 * DAY),
          buriedUntil,
          createdAt: T0,
          updatedAt: T0,
        },
      });
    await state(lrn, 1, T0); // due exactly now: due
    await state(atEnd, 2, dayEnd); // due exactly at the day's end: tomorrow
    await state(beforeEnd, 2, new Date(dayEnd.getTime() - 1)); // the day's last millisecond: today
    await state(buried, 0, T0, T0); // buried until exactly now: shown again
    await state(done, 2, new Date(T0.getTime() + 30 * DAY));
    // A new card introduced exactly at the start of the day counts against today's limit.
    await db().reviewLog.create({
      data: {
        userId: fx.userId,
        cardId: done,
        deckId: fx.deckId,
        requestId: rid(),
        rating: 3,
        reviewedAt: dayStart,
        stateBefore: 0,
        stateAfter: 2,
        dueAfter: new Date(T0.getTime() + 30 * DAY),
        stabilityBefore: 0,
        stability: 3,
        difficultyBefore: 0,
        difficulty: 5,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 30,
        learningSteps: 0,
        durationMs: 1,
      },
    });
    const q = await deckQueue(db(), fx, T0);
    expect(q.day.start.toISOString()).toBe(dayStart.toISOString());
    expect(q.counts).toEqual({ learning: 1, review: 1, new: 1 });
    expect(q.cards.map((c) => c.cardId)).toEqual([lrn, beforeEnd, buried]);
    expect(q.cards.map((c) => c.due?.toISOString() ?? null)).toEqual([
      T0.toISOString(),
      new Date(dayEnd.getTime() - 1).toISOString(),
      null,
    ]);
    // One millisecond later the learning card is still due; one earlier it is not.
    const early = await deckQueue(db(), fx, new Date(T0.getTime() - 1));
    expect(early.cards.map((c) => c.cardId)).not.toContain(lrn);
    expect(early.cards.map((c) => c.cardId)).not.toContain(buried);
    expect(early.cards.map((c) => c.cardId)).toContain(fresh);
  });

  it("keeps new cards in order after many are studied (cursor) and after forget", async () => {
    const fx = await createReviewFixture(db(), { cards: 6, preset: { newPerDay: 100 } });
    for (const cardId of fx.cardIds.slice(0, 4)) {
      await rateCard(db(), fx, cardId, 4, T0);
    }
    const progress = await db().learnerDeckProgress.findUnique({
      where: { userId_deckId: { userId: fx.userId, deckId: fx.deckId } },
    });
    expect(progress?.newCursor).toBe(4);
    await forgetCard({ db: db(), userId: fx.userId, cardId: fx.cardIds[1] as string, now: T0 });
    const q = await deckQueue(db(), fx, T0);
    expect(q.cards.filter((c) => c.queue === "new").map((c) => c.cardId)).toEqual([
      fx.cardIds[1],
      fx.cardIds[4],
      fx.cardIds[5],
    ]);
  });
});
