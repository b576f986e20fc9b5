// The review service against a real database (temp SQLite file or a database of its own in the real
// Postgres): schedules compared with ts-fsrs called directly, undo, forget and retention changes.

import { createEmptyCard, fsrs, type Grade, generatorParameters } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import {
  DAY,
  deckQueue,
  MIN,
  rateCard,
  rid,
  T0,
  useTestDb,
} from "../testing/review-test-helpers.ts";
import { forgetCard } from "./forget-card.ts";
import { previewIntervals } from "./preview-intervals.ts";
import { setDesiredRetention } from "./set-desired-retention.ts";
import { submitReview } from "./submit-review.ts";
import { undoLastReview } from "./undo-last-review.ts";

const { db } = useTestDb();

describe("schedules", () => {
  it("match ts-fsrs called directly for the same ratings at the same instants", async () => {
    const fx = await createReviewFixture(db(), { cards: 1, preset: { enableFuzz: true } });
    const cardId = fx.cardIds[0] as string;
    const f = fsrs(
      generatorParameters({
        request_retention: 0.9,
        maximum_interval: 36500,
        enable_fuzz: true,
        enable_short_term: true,
        learning_steps: ["1m", "10m"],
        relearning_steps: ["10m"],
      }),
    );
    let ref = createEmptyCard(T0);
    let now = T0;
    for (const rating of [3, 3, 3, 1, 3, 4, 2, 3] as Grade[]) {
      const expected = f.next(ref, now, rating);
      const r = await submitReview({
        db: db(),
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating,
        durationMs: 4000,
        now,
      });
      expect(r.state?.due.getTime()).toBe(expected.card.due.getTime());
      expect(r.state?.stability).toBeCloseTo(expected.card.stability, 10);
      expect(r.state?.difficulty).toBeCloseTo(expected.card.difficulty, 10);
      expect(r.state?.state).toBe(expected.card.state);
      expect(r.state?.reps).toBe(expected.card.reps);
      expect(r.state?.lapses).toBe(expected.card.lapses);
      expect(r.log.stateBefore).toBe(expected.log.state);
      expect(r.log.scheduledDays).toBe(expected.card.scheduled_days);
      ref = expected.card;
      now = new Date(Math.max(expected.card.due.getTime(), now.getTime() + MIN));
    }
  });

  it("previews the same intervals as ts-fsrs for each button", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    const preview = await previewIntervals({ db: db(), userId: fx.userId, cardId, now: T0 });
    const f = fsrs(
      generatorParameters({
        enable_fuzz: false,
        learning_steps: ["1m", "10m"],
        relearning_steps: ["10m"],
      }),
    );
    const ref = f.repeat(createEmptyCard(T0), T0);
    expect(preview.map((p) => p.due.getTime())).toEqual(
      ([1, 2, 3, 4] as Grade[]).map((g) => ref[g].card.due.getTime()),
    );
    expect(preview.map((p) => p.label)).toEqual(["1m", "6m", "10m", expect.stringMatching(/d$/)]);
  });
});

describe("undo, forget, retention", () => {
  it("undo restores the exact previous state and removes the log", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    await rateCard(db(), fx, cardId, 3, T0);
    const before = await db().cardState.findFirstOrThrow();
    await rateCard(db(), fx, cardId, 1, new Date(T0.getTime() + 2 * MIN));
    const undone = await undoLastReview({ db: db(), userId: fx.userId, now: T0 });
    expect(undone.ok).toBe(true);
    expect(await db().cardState.findFirstOrThrow()).toEqual(before);
    expect(await db().reviewLog.count()).toBe(1);
    await undoLastReview({ db: db(), userId: fx.userId, now: T0 });
    expect(await db().cardState.count()).toBe(0);
    expect(await undoLastReview({ db: db(), userId: fx.userId, now: T0 })).toEqual({
      ok: false,
      reason: "nothing_to_undo",
    });
    // The card is new again and first in the queue.
    const q = await deckQueue(db(), fx, T0);
    expect(q.cards[0]).toMatchObject({ cardId, queue: "new" });
  });

  it("forget resets a card to New", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    await rateCard(db(), fx, cardId, 4, T0);
    const s = await forgetCard({ db: db(), userId: fx.userId, cardId, now: T0 });
    expect(s).toMatchObject({ state: 0, reps: 0, lapses: 0, stability: 0 });
  });

  it("changing desired retention reschedules review cards from their last review", async () => {
    const fx = await createReviewFixture(db(), { cards: 2 });
    for (const cardId of fx.cardIds) {
      await rateCard(db(), fx, cardId, 4, T0);
    }
    const before = await db().cardState.findMany({ orderBy: { cardId: "asc" } });
    const r = await setDesiredRetention({
      db: db(),
      presetId: fx.presetId,
      desiredRetention: 0.8,
      now: T0,
    });
    expect(r.rescheduled).toBe(2);
    const after = await db().cardState.findMany({ orderBy: { cardId: "asc" } });
    const f = fsrs(generatorParameters({ request_retention: 0.8, enable_fuzz: false }));
    for (const [i, s] of after.entries()) {
      const ivl = f.next_interval(s.stability, s.elapsedDays);
      expect(s.due.getTime()).toBe((s.lastReview as Date).getTime() + ivl * DAY);
      expect(s.due.getTime()).toBeGreaterThan(before[i]?.due.getTime() ?? 0);
    }
  });
});
