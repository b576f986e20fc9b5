// submitReview against a real database (temp SQLite file or its own Postgres database): refusals,
// idempotence, concurrency, leeches, exercises checked on the server, persistence across restarts.

import { isAppError } from "@strides/content";
import { describe, expect, it } from "vitest";
import { openDb } from "../client.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { errorOf, MIN, rateCard, rid, T0, useTestDb } from "../testing/review-test-helpers.ts";
import { buildReviewQueue } from "./build-review-queue.ts";
import { getNextCard } from "./get-next-card.ts";
import { submitReview } from "./submit-review.ts";

const { db, url } = useTestDb();

describe("submitReview", () => {
  it("rejects unknown cards, cards of decks the learner cannot see and cards not due", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const other = await createReviewFixture(db(), {
      userId: "learner-2",
      deckSlug: "deck-2",
      cards: 1,
    });
    const cardId = fx.cardIds[0] as string;
    const nf = await errorOf(rateCard(db(), fx, "nope", 3, T0));
    expect(isAppError(nf) && nf.code).toBe("NOT_FOUND");
    // Another group's card answers exactly like a missing one: 404, naming neither deck nor slug.
    const otherCard = other.cardIds[0] as string;
    const fb = await errorOf(rateCard(db(), fx, otherCard, 3, T0));
    expect(isAppError(fb) && [fb.code, fb.message, fb.key, fb.params]).toEqual([
      "NOT_FOUND",
      `card ${otherCard} does not exist`,
      "cardNotFound",
      undefined,
    ]);
    await rateCard(db(), fx, cardId, 4, T0);
    const nd = await errorOf(rateCard(db(), fx, cardId, 3, new Date(T0.getTime() + MIN)));
    expect(isAppError(nd) && nd.code).toBe("CONFLICT");
    const bad = await errorOf(rateCard(db(), fx, cardId, 7, T0));
    expect(isAppError(bad) && bad.code).toBe("BAD_INPUT");
  });

  it("records whether the reviewed card has siblings (the queue buries only theirs)", async () => {
    // Cards 0 and 1 share a note; card 2 is alone in its own.
    const fx = await createReviewFixture(db(), { cards: 3, perNote: 2, preset: { newPerDay: 10 } });
    const [a, , c] = fx.cardIds as [string, string, string];
    await rateCard(db(), fx, a, 3, T0);
    await rateCard(db(), fx, c, 3, T0);
    const logs = await db().reviewLog.findMany({
      select: { cardId: true, hasSiblings: true },
      orderBy: { cardId: "asc" },
    });
    expect(logs).toEqual([
      { cardId: a, hasSiblings: true },
      { cardId: c, hasSiblings: false },
    ]);
  });

  it("reads the next queue after its write when asked (queueAfter): the queue read afterwards", async () => {
    // Two notes of two cards: a review buries its card's sibling for the day.
    const fx = await createReviewFixture(db(), { cards: 4, perNote: 2, preset: { newPerDay: 10 } });
    const [a, b] = fx.cardIds as [string, string];
    const review = (cardId: string, now: Date) =>
      submitReview({
        db: db(),
        userId: fx.userId,
        cardId,
        requestId: rid(),
        rating: 3,
        durationMs: 1,
        now,
        queueAfter: { deckIds: [fx.deckId], upcoming: true },
      });
    const after = (now: Date) =>
      buildReviewQueue({ db: db(), userId: fx.userId, deckIds: [fx.deckId], now, limit: 2 });
    // A new card (written in a transaction), then the same card studied (on Postgres, one
    // statement with the queue's behind it) once its learning step is due.
    const first = await review(a, T0);
    expect(first.queue).toEqual(await after(T0));
    expect(first.queue?.cards.map((c) => c.cardId)).not.toContain(b);
    const at = new Date(T0.getTime() + 60 * MIN);
    expect((await after(at)).cards[0]?.cardId).toBe(a);
    const second = await review(a, at);
    expect(second.log.stateBefore).not.toBe(0);
    expect(second.queue).toEqual(await after(at));
    expect(second.queue?.cards[0]?.cardId).not.toBe(a);
    // A deck outside the review's context: no queue (getNextCard reads it as before).
    const other = await createReviewFixture(db(), { userId: fx.userId, deckSlug: "d2", cards: 1 });
    const third = await submitReview({
      db: db(),
      userId: fx.userId,
      cardId: fx.cardIds[2] as string,
      requestId: rid(),
      rating: 3,
      durationMs: 1,
      now: at,
      queueAfter: { deckIds: [other.deckId], upcoming: false },
    });
    expect(third.queue).toBeUndefined();
  });

  it("is idempotent under concurrent duplicate submissions", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    // Six concurrent submissions of one request id: one review, five duplicates of it.
    const burst = async (requestId: string, now: Date, reviews: number) => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          submitReview({
            db: db(),
            userId: fx.userId,
            cardId,
            requestId,
            rating: 3,
            durationMs: 1,
            now,
          }),
        ),
      );
      expect(new Set(results.map((r) => r.log.id)).size).toBe(1);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(await db().reviewLog.count()).toBe(reviews);
      expect((await db().cardState.findFirst())?.reps).toBe(reviews);
    };
    await burst("same", T0, 1);
    // Again once studied (on Postgres the state write and the log are then one statement).
    await burst("again", new Date(T0.getTime() + 30 * MIN), 2);
  });

  it("serializes concurrent different submissions of the same card into one consistent chain", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const cardId = fx.cardIds[0] as string;
    const settled = await Promise.allSettled(
      ["a", "b", "c"].map((r) =>
        submitReview({
          db: db(),
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
    const logs = await db().reviewLog.findMany({ orderBy: { id: "asc" } });
    const state = await db().cardState.findFirst();
    expect(logs).toHaveLength(ok);
    expect(state?.reps).toBe(ok);
    for (const s of settled)
      if (s.status === "rejected") expect(isAppError(s.reason) && s.reason.code).toBe("CONFLICT");
  });

  it("tags and suspends leeches at the lapse threshold", async () => {
    const fx = await createReviewFixture(db(), {
      cards: 1,
      preset: { leechThreshold: 2, leechAction: "suspend" },
    });
    const cardId = fx.cardIds[0] as string;
    let now = T0;
    let leech = false;
    for (const rating of [4, 1, 3, 3, 1] as const) {
      const r = await rateCard(db(), fx, cardId, rating, now);
      leech ||= r.becameLeech;
      now = new Date(Math.max(r.state?.due.getTime() ?? 0, now.getTime() + MIN));
    }
    const s = await db().cardState.findFirst();
    expect(s?.lapses).toBe(2);
    expect(leech).toBe(true);
    expect(s).toMatchObject({ leech: true, suspended: true });
  });

  it("only tags a leech when the preset says tag", async () => {
    const fx = await createReviewFixture(db(), {
      cards: 1,
      preset: { leechThreshold: 1, leechAction: "tag" },
    });
    const cardId = fx.cardIds[0] as string;
    const r1 = await rateCard(db(), fx, cardId, 4, T0);
    const due = r1.state?.due as Date;
    const r2 = await rateCard(db(), fx, cardId, 1, due);
    expect(r2.becameLeech).toBe(true);
    expect(r2.state).toMatchObject({ leech: true, suspended: false });
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
    const fx = await createReviewFixture(db(), {
      cards: 1,
      kind: "exercise",
      content: () => ({ kind: "exercise", generator: "add-one", params: {} }),
      preset: { easyBelowMs: 10_000, hardAfterMs: 60_000 },
    });
    const shown = await getNextCard({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
      exercises: engine,
    });
    expect(shown.card?.kind).toBe("exercise");
    const seed = shown.exercise?.seed as number;
    const again = await getNextCard({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: T0,
      exercises: engine,
    });
    expect(again.exercise?.seed).toBe(seed); // same variant until answered
    const right = String((seed % 100) + 1);
    const r = await submitReview({
      db: db(),
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: rid(),
      answer: right,
      durationMs: 5_000,
      now: T0,
      exercises: engine,
    });
    expect(r.check?.correct).toBe(true);
    // A new exercise's first right answer: Good, however fast (not Easy).
    expect(r.proposedRating).toBe(3);
    expect(r.log).toMatchObject({ rating: 3, correct: true, variantSeed: seed, answer: right });
    expect(r.variant?.solution).toBe("add one");
    // Next showing: a wrong answer proposes Again, a learner override wins.
    const t2 = new Date(r.state?.due.getTime() ?? 0);
    await getNextCard({
      db: db(),
      userId: fx.userId,
      deckIds: [fx.deckId],
      now: t2,
      exercises: engine,
    });
    const wrong = await submitReview({
      db: db(),
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
    const fx = await createReviewFixture(db(), { cards: 2 });
    await rateCard(db(), fx, fx.cardIds[0] as string, 3, T0);
    const reopened = await openDb(url());
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
