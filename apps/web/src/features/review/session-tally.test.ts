import { describe, expect, it } from "vitest";
import { type RatedEntry, summarize, withoutUndone } from "./session-tally.ts";

const e = (cardId: string, rating: number, correct: boolean | null = null): RatedEntry => ({
  cardId,
  rating,
  correct,
  durationMs: 1000,
});

describe("the session summary", () => {
  it("drops undone ratings: two Again undone and re-rated Good are 100%, not counted twice", () => {
    let list = [e("a", 1), e("b", 1)];
    list = withoutUndone(list, "b");
    list = withoutUndone(list, "a");
    list = [...list, e("a", 3), e("b", 3)];
    expect(summarize(list)).toMatchObject({ reviews: 2, passed: 2 });
  });

  it("counts exercises that stand: 3 of 4, not 5 of 6", () => {
    let list = [e("x", 1, false), e("y", 3, true), e("z", 3, true)];
    list = withoutUndone(list, "x");
    list = [...list, e("x", 3, true), e("w", 1, false), e("v", 1, false)];
    list = withoutUndone(list, "v");
    expect(summarize(list)).toMatchObject({ exercises: 4, exercisesCorrect: 3 });
  });

  it("keeps the session when undo takes back a review from before it", () => {
    const list = [e("a", 3)];
    expect(withoutUndone(list, "older")).toEqual(list);
  });
});
