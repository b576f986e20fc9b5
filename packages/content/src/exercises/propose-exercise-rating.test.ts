import { describe, expect, it } from "vitest";
import { exerciseRatingReason, proposeExerciseRating } from "./propose-exercise-rating.ts";

const base = { easyBelowMs: 15_000, hardAfterMs: 90_000 };

describe("the proposed exercise rating", () => {
  it("proposes Good, not Easy, for a fast first right answer on a new exercise", () => {
    const o = { ...base, correct: true, durationMs: 4_000, isNew: true };
    expect(proposeExerciseRating(o)).toBe(3);
    expect(exerciseRatingReason(o)).toBe("firstCorrect");
  });

  it("keeps Easy for a fast right answer on a card already studied", () => {
    expect(proposeExerciseRating({ ...base, correct: true, durationMs: 4_000 })).toBe(4);
  });

  it("proposes Again when wrong and Hard when slow, new or not", () => {
    for (const isNew of [true, false]) {
      expect(proposeExerciseRating({ ...base, correct: false, durationMs: 1, isNew })).toBe(1);
      expect(proposeExerciseRating({ ...base, correct: true, durationMs: 100_000, isNew })).toBe(2);
    }
    expect(proposeExerciseRating({ ...base, correct: true, durationMs: 30_000 })).toBe(3);
  });
});
