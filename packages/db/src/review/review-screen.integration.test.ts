// The review screen's reads on a real database: one variant of an exercise for the learner wherever
// it is shown or checked (variantFor), the card an undo brings back (showLearnerCard), and the
// answer check before rating (checkShownExercise). The content package's real exercise engine.

import { generateExercise, isAppError } from "@strides/content";
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { errorOf, MIN, rateCard, rid, T0, useTestDb } from "../testing/review-test-helpers.ts";
import { checkShownExercise } from "./check-shown-exercise.ts";
import { variantSeedFor } from "./exercise-engine.ts";
import { variantFor } from "./exercise-variant.ts";
import { getNextCard } from "./get-next-card.ts";
import { getReviewWindow } from "./get-review-window.ts";
import { queueKindOf, showLearnerCard } from "./show-learner-card.ts";
import { submitReview } from "./submit-review.ts";
import { undoLastReview } from "./undo-last-review.ts";

const { db } = useTestDb();

const exerciseDeck = (locale = "en") =>
  createReviewFixture(db(), {
    cards: 1,
    kind: "exercise",
    locale,
    content: () => ({ kind: "exercise", generator: "conv-params" }),
    preset: { easyBelowMs: 10_000, hardAfterMs: 60_000 },
  });

describe("variantFor", () => {
  it("is the stored seed when the card was shown, else the seed rule for its repetition", () => {
    const card = { id: "c1", content: { kind: "exercise", generator: "conv-params" } };
    const viewer = { userId: "u1", locale: "ko" };
    const unseen = variantFor(card, null, viewer);
    expect(unseen.fixed).toBe(false);
    expect(unseen.variant.seed).toBe(variantSeedFor("u1", "c1", 0));
    expect(unseen.variant.lang).toBe("ko");
    const third = variantFor(card, { variantSeed: null, reps: 2 }, viewer);
    expect(third.variant.seed).toBe(variantSeedFor("u1", "c1", 2));
    const shown = variantFor(card, { variantSeed: 1234, reps: 2 }, { ...viewer, lang: "en" });
    expect(shown).toEqual({
      variant: generateExercise("conv-params", { seed: 1234, lang: "en" }),
      fixed: true,
    });
  });

  it("refuses content that is not an exercise", () => {
    expect(() =>
      variantFor({ id: "c", content: { kind: "basic" } }, null, { userId: "u", locale: null }),
    ).toThrow();
  });
});

describe("the learner sees one variant of an exercise", () => {
  it("in the offline window, as the next card, after undo, and in the check of the answer", async () => {
    const fx = await exerciseDeck("ko");
    const cardId = fx.cardIds[0] as string;
    const base = { db: db(), userId: fx.userId, deckIds: [fx.deckId] };
    // The window shows the variant the service will fix, with its answer (offline checks).
    const window = await getReviewWindow({ ...base, now: T0 });
    const offline = window.cards[0]?.variant;
    expect(offline?.lang).toBe("ko");
    const shown = await getNextCard({ ...base, now: T0 });
    expect(shown.exercise).toEqual({
      generator: "conv-params",
      seed: offline?.seed,
      lang: "ko",
      question: offline?.question,
      answerFormat: offline?.answerFormat,
    });
    const check = await checkShownExercise({
      db: db(),
      userId: fx.userId,
      cardId,
      answer: offline?.answer ?? "",
      durationMs: 5_000,
    });
    expect(check).toMatchObject({
      check: { correct: true },
      // A new exercise's first right answer: Good (not Easy however fast), and says why.
      proposedRating: 3,
      reason: "firstCorrect",
      retention: 0.9,
    });
    expect(check.variant).toEqual(offline);
    // Rated, then undone: the card comes back with the same variant, in the page's language.
    await submitReview({
      db: db(),
      userId: fx.userId,
      cardId,
      requestId: rid(),
      answer: offline?.answer ?? "",
      durationMs: 5_000,
      now: T0,
    });
    const undone = await undoLastReview({
      db: db(),
      userId: fx.userId,
      now: new Date(T0.getTime() + MIN),
    });
    expect(undone.ok).toBe(true);
    const back = await showLearnerCard({ db: db(), userId: fx.userId, cardId, now: T0 });
    expect(back.exercise?.seed).toBe(offline?.seed);
    expect(back.exercise?.question).toBe(offline?.question);
    const english = await showLearnerCard({
      db: db(),
      userId: fx.userId,
      cardId,
      now: T0,
      lang: "en",
    });
    expect(english.exercise?.lang).toBe("en");
    expect(english.exercise?.seed).toBe(offline?.seed);
  });

  it("checks a wrong, slow answer without recording anything", async () => {
    const fx = await exerciseDeck();
    const cardId = fx.cardIds[0] as string;
    await getNextCard({ db: db(), userId: fx.userId, deckIds: [fx.deckId], now: T0 });
    const check = await checkShownExercise({
      db: db(),
      userId: fx.userId,
      cardId,
      answer: "-1",
      durationMs: 70_000,
    });
    expect(check).toMatchObject({ check: { correct: false }, proposedRating: 1, reason: "wrong" });
    expect(await db().reviewLog.count()).toBe(0);
  });

  it("refuses to check an exercise never shown, a card that is no exercise, another's card", async () => {
    const fx = await exerciseDeck();
    const cardId = fx.cardIds[0] as string;
    const o = { db: db(), userId: fx.userId, cardId, answer: "1", durationMs: 1 };
    const unshown = await errorOf(checkShownExercise(o));
    expect(isAppError(unshown) && [unshown.code, unshown.key, unshown.field]).toEqual([
      "CONFLICT",
      "exerciseNotShown",
      "cardId",
    ]);
    const basic = await createReviewFixture(db(), {
      userId: "learner-2",
      deckSlug: "basic",
      cards: 1,
    });
    const notExercise = await errorOf(
      checkShownExercise({ ...o, userId: basic.userId, cardId: basic.cardIds[0] as string }),
    );
    expect(isAppError(notExercise) && [notExercise.code, notExercise.key]).toEqual([
      "BAD_INPUT",
      "notAnExercise",
    ]);
    const foreign = await errorOf(checkShownExercise({ ...o, userId: basic.userId }));
    expect(isAppError(foreign) && [foreign.code, foreign.key]).toEqual([
      "NOT_FOUND",
      "cardNotFound",
    ]);
  });
});

describe("showLearnerCard", () => {
  it("shows a card in its queue with the intervals the queue would give it", async () => {
    const fx = await createReviewFixture(db(), { cards: 2 });
    const [a] = fx.cardIds as [string];
    const fresh = await showLearnerCard({ db: db(), userId: fx.userId, cardId: a, now: T0 });
    expect(fresh.card).toMatchObject({ id: a, kind: "basic", queue: "new", state: 0 });
    expect(fresh.card.content).toEqual({ front: "Q0", back: "A0" });
    expect(fresh.exercise).toBeNull();
    expect(fresh.authorSlug).toBeNull();
    const next = await getNextCard({ db: db(), userId: fx.userId, deckIds: [fx.deckId], now: T0 });
    expect(fresh.preview).toEqual(next.preview);
    await rateCard(db(), fx, a, 3, T0);
    const later = new Date(T0.getTime() + 30 * MIN);
    const learning = await showLearnerCard({ db: db(), userId: fx.userId, cardId: a, now: later });
    expect(learning.card).toMatchObject({ queue: "learning", state: 1 });
  });

  it("answers NOT_FOUND for a card of a deck the learner may not review", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const other = await createReviewFixture(db(), {
      userId: "learner-2",
      deckSlug: "d2",
      cards: 1,
    });
    const e = await errorOf(
      showLearnerCard({ db: db(), userId: fx.userId, cardId: other.cardIds[0] as string, now: T0 }),
    );
    expect(isAppError(e) && [e.code, e.key]).toEqual(["NOT_FOUND", "cardNotFound"]);
  });

  it("names the queue of each FSRS state", () => {
    expect([0, 1, 2, 3].map(queueKindOf)).toEqual(["new", "learning", "review", "learning"]);
  });
});
