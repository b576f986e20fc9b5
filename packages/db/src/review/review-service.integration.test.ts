// The review service against a real database: a temp SQLite file (integration project) or a fresh
// database in the real Postgres (postgres project). Schedules are compared with ts-fsrs called
// directly for the same ratings at the same instants.
import { isAppError } from "@strides/content";
import { createEmptyCard, fsrs, type Grade, generatorParameters } from "ts-fsrs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../client.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { createTestDb, type TestDb } from "../testing/test-db.ts";
import { buildReviewQueue } from "./build-review-queue.ts";
import { buryCard } from "./bury-card.ts";
import { forgetCard } from "./forget-card.ts";
import { getNextCard } from "./get-next-card.ts";
import { previewIntervals } from "./preview-intervals.ts";
import { setDesiredRetention } from "./set-desired-retention.ts";
import { submitReview } from "./submit-review.ts";
import { suspendCard } from "./suspend-card.ts";
import { undoLastReview } from "./undo-last-review.ts";
import { unsuspendCard } from "./unsuspend-card.ts";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.destroy();
});

const T0 = new Date("2026-03-02T15:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;
let seq = 0;
const rid = () => `req-${++seq}`;

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("schedules", () => {
  it("match ts-fsrs called directly for the same ratings at the same instants", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1, preset: { enableFuzz: true } });
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
        db: t.db,
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
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    const preview = await previewIntervals({ db: t.db, userId: fx.userId, cardId, now: T0 });
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

describe("queue", () => {
  it("shows new cards in deck order up to the daily limit, then learning cards when due", async () => {
    const fx = await createReviewFixture(t.db, { cards: 5, preset: { newPerDay: 2 } });
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(q.cards.map((c) => c.cardId)).toEqual(fx.cardIds.slice(0, 2));
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      rating: 1,
      durationMs: 1,
      now: T0,
    });
    const q2 = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q2.counts).toEqual({ new: 1, learning: 0, review: 0 });
    const q3 = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date(T0.getTime() + MIN),
    });
    expect(q3.cards[0]).toMatchObject({ cardId: fx.cardIds[0], queue: "learning" });
    expect(q3.counts).toEqual({ new: 1, learning: 1, review: 0 });
  });

  it("limits reviews per day and orders them by lowest retrievability", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 4,
      preset: { reviewsPerDay: 2, newPerDay: 10 },
    });
    // Graduate all four cards with Easy on different days so their stabilities differ.
    for (const [i, cardId] of fx.cardIds.entries()) {
      await submitReview({
        db: t.db,
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating: 4,
        durationMs: 1,
        now: new Date(T0.getTime() - (10 + i) * DAY),
      });
    }
    const later = new Date(T0.getTime() + 60 * DAY);
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: later,
    });
    expect(q.counts.review).toBe(2);
    const r = q.cards.map((c) => c.retrievability ?? 0);
    expect(r).toEqual([...r].sort((a, b) => a - b));
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: q.cards[0]?.cardId as string,
      requestId: rid(),
      rating: 3,
      durationMs: 1,
      now: later,
    });
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: q.cards[1]?.cardId as string,
      requestId: rid(),
      rating: 3,
      durationMs: 1,
      now: later,
    });
    const q2 = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: later,
    });
    expect(q2.counts.review).toBe(0);
  });

  it("in Asia/Seoul with the day starting at 04:00, a review at 03:59 belongs to the previous day", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 3,
      timeZone: "Asia/Seoul",
      dayStartHour: 4,
      preset: { newPerDay: 1 },
    });
    const at0359 = new Date("2026-03-09T18:59:00Z"); // 2026-03-10 03:59 KST
    const at0400 = new Date("2026-03-09T19:00:00Z"); // 04:00 KST
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: at0359,
    });
    expect(q.day.key).toBe("2026-03-09");
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      rating: 4,
      durationMs: 1,
      now: at0359,
    });
    const same = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date(at0359.getTime() + 30_000),
    });
    expect(same.counts.new).toBe(0);
    const next = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: at0400,
    });
    expect(next.day.key).toBe("2026-03-10");
    expect(next.counts.new).toBe(1);
  });

  it("counts the day in New York across the spring DST change", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 3,
      timeZone: "America/New_York",
      dayStartHour: 4,
      preset: { newPerDay: 1 },
    });
    const sat = new Date("2026-03-08T07:30:00Z"); // 03:30 EDT Sunday → still Saturday's day
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      rating: 4,
      durationMs: 1,
      now: sat,
    });
    const before = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date("2026-03-08T07:59:00Z"),
    });
    expect(before.day.key).toBe("2026-03-07");
    expect(before.counts.new).toBe(0);
    const after = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date("2026-03-08T08:00:00Z"),
    });
    expect(after.day.key).toBe("2026-03-08");
    expect(after.counts.new).toBe(1);
  });

  it("buries siblings of a reviewed card until the next day", async () => {
    const fx = await createReviewFixture(t.db, { cards: 4, perNote: 2, preset: { newPerDay: 10 } });
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    // One card per note in the list.
    expect(q.cards.map((c) => c.cardId)).toEqual([fx.cardIds[0], fx.cardIds[2]]);
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      rating: 4,
      durationMs: 1,
      now: T0,
    });
    const q2 = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q2.cards.map((c) => c.cardId)).toEqual([fx.cardIds[2]]);
    const tomorrow = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date(T0.getTime() + DAY),
    });
    expect(tomorrow.cards.map((c) => c.cardId)).toContain(fx.cardIds[1]);
  });

  it("excludes suspended, buried and retired cards", async () => {
    const fx = await createReviewFixture(t.db, { cards: 4, preset: { newPerDay: 10 } });
    const [a, b, c, d] = fx.cardIds as [string, string, string, string];
    await suspendCard({ db: t.db, userId: fx.userId, cardId: a, now: T0 });
    await buryCard({ db: t.db, userId: fx.userId, cardId: b, now: T0 });
    await t.db.card.update({ where: { id: c }, data: { retiredAt: T0 } });
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q.cards.map((x) => x.cardId)).toEqual([d]);
    await unsuspendCard({ db: t.db, userId: fx.userId, cardId: a, now: T0 });
    const q2 = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date(T0.getTime() + DAY),
    });
    expect(q2.cards.map((x) => x.cardId)).toEqual([a, b, d]);
    const e = await errorOf(
      submitReview({
        db: t.db,
        userId: fx.userId,
        cardId: c,
        requestId: rid(),
        rating: 3,
        durationMs: 1,
        now: T0,
      }),
    );
    expect(isAppError(e) && e.code).toBe("CONFLICT");
  });

  it("compares dates exactly at the boundaries (raw SQL on both databases)", async () => {
    // UTC, day from 04:00: T0 (15:00) is in the day [2026-03-02T04:00, 2026-03-03T04:00).
    const fx = await createReviewFixture(t.db, { cards: 6, preset: { newPerDay: 2 } });
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
      t.db.cardState.create({
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
    await t.db.reviewLog.create({
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
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q.day.start.toISOString()).toBe(dayStart.toISOString());
    expect(q.counts).toEqual({ learning: 1, review: 1, new: 1 });
    expect(q.cards.map((c) => c.cardId)).toEqual([lrn, beforeEnd, buried]);
    expect(q.cards.map((c) => c.due?.toISOString() ?? null)).toEqual([
      T0.toISOString(),
      new Date(dayEnd.getTime() - 1).toISOString(),
      null,
    ]);
    // One millisecond later the learning card is still due; one earlier it is not.
    const early = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: new Date(T0.getTime() - 1),
    });
    expect(early.cards.map((c) => c.cardId)).not.toContain(lrn);
    expect(early.cards.map((c) => c.cardId)).not.toContain(buried);
    expect(early.cards.map((c) => c.cardId)).toContain(fresh);
  });

  it("keeps new cards in order after many are studied (cursor) and after forget", async () => {
    const fx = await createReviewFixture(t.db, { cards: 6, preset: { newPerDay: 100 } });
    for (const cardId of fx.cardIds.slice(0, 4)) {
      await submitReview({
        db: t.db,
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating: 4,
        durationMs: 1,
        now: T0,
      });
    }
    const progress = await t.db.learnerDeckProgress.findUnique({
      where: { userId_deckId: { userId: fx.userId, deckId: fx.deckId } },
    });
    expect(progress?.newCursor).toBe(4);
    await forgetCard({ db: t.db, userId: fx.userId, cardId: fx.cardIds[1] as string, now: T0 });
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q.cards.filter((c) => c.queue === "new").map((c) => c.cardId)).toEqual([
      fx.cardIds[1],
      fx.cardIds[4],
      fx.cardIds[5],
    ]);
  });
});

describe("submitReview", () => {
  it("rejects unknown cards, cards of decks the learner cannot see and cards not due", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const other = await createReviewFixture(t.db, {
      userId: "learner-2",
      deckSlug: "deck-2",
      cards: 1,
    });
    const cardId = fx.cardIds[0] as string;
    const nf = await errorOf(
      submitReview({
        db: t.db,
        userId: fx.userId,
        cardId: "nope",
        requestId: rid(),
        rating: 3,
        durationMs: 1,
        now: T0,
      }),
    );
    expect(isAppError(nf) && nf.code).toBe("NOT_FOUND");
    const fb = await errorOf(
      submitReview({
        db: t.db,
        userId: fx.userId,
        cardId: other.cardIds[0] as string,
        requestId: rid(),
        rating: 3,
        durationMs: 1,
        now: T0,
      }),
    );
    expect(isAppError(fb) && fb.code).toBe("FORBIDDEN");
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId,
      requestId: rid(),
      rating: 4,
      durationMs: 1,
      now: T0,
    });
    const nd = await errorOf(
      submitReview({
        db: t.db,
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating: 3,
        durationMs: 1,
        now: new Date(T0.getTime() + MIN),
      }),
    );
    expect(isAppError(nd) && nd.code).toBe("CONFLICT");
    const bad = await errorOf(
      submitReview({
        db: t.db,
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating: 7,
        durationMs: 1,
        now: T0,
      }),
    );
    expect(isAppError(bad) && bad.code).toBe("BAD_INPUT");
  });

  it("is idempotent under concurrent duplicate submissions", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        submitReview({
          db: t.db,
          userId: fx.userId,
          cardId,
          requestId: "same",
          rating: 3,
          durationMs: 1,
          now: T0,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.log.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await t.db.reviewLog.count()).toBe(1);
    expect((await t.db.cardState.findFirst())?.reps).toBe(1);
  });

  it("serializes concurrent different submissions of the same card into one consistent chain", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    const settled = await Promise.allSettled(
      ["a", "b", "c"].map((r) =>
        submitReview({
          db: t.db,
          userId: fx.userId,
          cardId,
          requestId: r,
          rating: 1,
          durationMs: 1,
          now: T0,
        }),
      ),
    );
    const ok = settled.filter((s) => s.status === "fulfilled").length;
    const logs = await t.db.reviewLog.findMany({ orderBy: { id: "asc" } });
    const state = await t.db.cardState.findFirst();
    expect(logs).toHaveLength(ok);
    expect(state?.reps).toBe(ok);
    for (const s of settled)
      if (s.status === "rejected") expect(isAppError(s.reason) && s.reason.code).toBe("CONFLICT");
  });

  it("tags and suspends leeches at the lapse threshold", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 1,
      preset: { leechThreshold: 2, leechAction: "suspend" },
    });
    const cardId = fx.cardIds[0] as string;
    let now = T0;
    let leech = false;
    for (const rating of [4, 1, 3, 3, 1] as const) {
      const r = await submitReview({
        db: t.db,
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating,
        durationMs: 1,
        now,
      });
      leech ||= r.becameLeech;
      now = new Date(Math.max(r.state?.due.getTime() ?? 0, now.getTime() + MIN));
    }
    const s = await t.db.cardState.findFirst();
    expect(s?.lapses).toBe(2);
    expect(leech).toBe(true);
    expect(s).toMatchObject({ leech: true, suspended: true });
  });

  it("only tags a leech when the preset says tag", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 1,
      preset: { leechThreshold: 1, leechAction: "tag" },
    });
    const cardId = fx.cardIds[0] as string;
    const r1 = await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId,
      requestId: rid(),
      rating: 4,
      durationMs: 1,
      now: T0,
    });
    const due = r1.state?.due as Date;
    const r2 = await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId,
      requestId: rid(),
      rating: 1,
      durationMs: 1,
      now: due,
    });
    expect(r2.becameLeech).toBe(true);
    expect(r2.state).toMatchObject({ leech: true, suspended: false });
  });
});

describe("undo, forget, retention", () => {
  it("undo restores the exact previous state and removes the log", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId,
      requestId: rid(),
      rating: 3,
      durationMs: 1,
      now: T0,
    });
    const before = await t.db.cardState.findFirstOrThrow();
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId,
      requestId: rid(),
      rating: 1,
      durationMs: 1,
      now: new Date(T0.getTime() + 2 * MIN),
    });
    const undone = await undoLastReview({ db: t.db, userId: fx.userId, now: T0 });
    expect(undone.ok).toBe(true);
    expect(await t.db.cardState.findFirstOrThrow()).toEqual(before);
    expect(await t.db.reviewLog.count()).toBe(1);
    await undoLastReview({ db: t.db, userId: fx.userId, now: T0 });
    expect(await t.db.cardState.count()).toBe(0);
    expect(await undoLastReview({ db: t.db, userId: fx.userId, now: T0 })).toEqual({
      ok: false,
      reason: "nothing_to_undo",
    });
    // The card is new again and first in the queue.
    const q = await buildReviewQueue({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(q.cards[0]).toMatchObject({ cardId, queue: "new" });
  });

  it("forget resets a card to New", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId,
      requestId: rid(),
      rating: 4,
      durationMs: 1,
      now: T0,
    });
    const s = await forgetCard({ db: t.db, userId: fx.userId, cardId, now: T0 });
    expect(s).toMatchObject({ state: 0, reps: 0, lapses: 0, stability: 0 });
  });

  it("changing desired retention reschedules review cards from their last review", async () => {
    const fx = await createReviewFixture(t.db, { cards: 2 });
    for (const cardId of fx.cardIds) {
      await submitReview({
        db: t.db,
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating: 4,
        durationMs: 1,
        now: T0,
      });
    }
    const before = await t.db.cardState.findMany({ orderBy: { cardId: "asc" } });
    const r = await setDesiredRetention({
      db: t.db,
      presetId: fx.presetId,
      desiredRetention: 0.8,
      now: T0,
    });
    expect(r.rescheduled).toBe(2);
    const after = await t.db.cardState.findMany({ orderBy: { cardId: "asc" } });
    const f = fsrs(generatorParameters({ request_retention: 0.8, enable_fuzz: false }));
    for (const [i, s] of after.entries()) {
      const ivl = f.next_interval(s.stability, s.elapsedDays);
      expect(s.due.getTime()).toBe((s.lastReview as Date).getTime() + ivl * DAY);
      expect(s.due.getTime()).toBeGreaterThan(before[i]?.due.getTime() ?? 0);
    }
  });
});

describe("exercises and persistence", () => {
  const engine = {
    generateExercise: (generator: string, o: { seed: number; lang: "ko" | "en" }) => ({
      generator,
      seed: o.seed,
      lang: o.lang,
      question: `What is ${o.seed % 100} + 1?`,
      answerFormat: "an integer",
      answer: String((o.seed % 100) + 1),
      solution: "add one",
      expected: { kind: "integer" as const, value: (o.seed % 100) + 1 },
    }),
    checkExerciseAnswer: (v: { answer: string }, answer: string) => ({
      correct: answer.trim() === v.answer,
    }),
  };

  it("fixes the variant when shown, checks the answer on the server and proposes a rating", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 1,
      kind: "exercise",
      content: () => ({ kind: "exercise", generator: "add-one", params: {} }),
      preset: { easyBelowMs: 10_000, hardAfterMs: 60_000 },
    });
    const shown = await getNextCard({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
      exercises: engine,
    });
    expect(shown.card?.kind).toBe("exercise");
    const seed = shown.exercise?.seed as number;
    const again = await getNextCard({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
      exercises: engine,
    });
    expect(again.exercise?.seed).toBe(seed); // same variant until answered
    const right = String((seed % 100) + 1);
    const r = await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      answer: right,
      durationMs: 5_000,
      now: T0,
      exercises: engine,
    });
    expect(r.check?.correct).toBe(true);
    expect(r.proposedRating).toBe(4);
    expect(r.log).toMatchObject({ rating: 4, correct: true, variantSeed: seed, answer: right });
    expect(r.variant?.solution).toBe("add one");
    // Next showing: a wrong answer proposes Again, a learner override wins.
    const t2 = new Date(r.state?.due.getTime() ?? 0);
    await getNextCard({
      db: t.db,
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: t2,
      exercises: engine,
    });
    const wrong = await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      answer: "nope",
      rating: 3,
      durationMs: 70_000,
      now: t2,
      exercises: engine,
    });
    expect(wrong.proposedRating).toBe(1);
    expect(wrong.log.rating).toBe(3);
  });

  it("keeps the learner's schedule across a restart (new connection to the same database)", async () => {
    const fx = await createReviewFixture(t.db, { cards: 2 });
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      rating: 3,
      durationMs: 1,
      now: T0,
    });
    const reopened = await openDb(t.url);
    try {
      const q = await buildReviewQueue({
        db: reopened.db,
        userId: fx.userId,
        deckIds: [fx.deckId],
        now: new Date(T0.getTime() + 10 * MIN),
      });
      expect(q.counts).toEqual({ new: 1, learning: 1, review: 0 });
    } finally {
      await reopened.close();
    }
  });
});
