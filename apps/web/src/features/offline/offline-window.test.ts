// Reviewing from the stored window: order, the next day's cards, counts, and the browser's check of
// an exercise (the content package's checker; the rating rule pinned to the server's).
import { generateExercise, proposeExerciseRating } from "@strides/content";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TCardView } from "@/features/review/schema";
import { checkOffline, stepFromWindow, type WindowState } from "./offline-window";
import type { TOfflineCheck, TWindowCard } from "./schema";

const DAY_END = "2026-03-03T09:00:00.000Z";
const NEXT_START = DAY_END;

function card(id: string, queue: TCardView["queue"], deckId = "d1"): TCardView {
  return {
    id,
    deckId,
    kind: "basic",
    queue,
    context: [],
    tags: [],
    source: { file: null, lineStart: null, lineEnd: null, href: "#" },
    frontHtml: id,
    backHtml: "",
    extraHtml: null,
    items: null,
    ordered: false,
    exercise: null,
    intervals: [],
    editHref: null,
  };
}

const entry = (c: TCardView, day: "today" | "next"): TWindowCard => ({
  card: c,
  day,
  from: day === "today" ? "2026-03-02T15:00:00.000Z" : NEXT_START,
  check: null,
});

function windowOf(reviewed: string[] = [], deck: string | null = null): WindowState {
  return {
    dayEnd: DAY_END,
    counts: { new: 5, learning: 1, review: 10 },
    cards: [
      entry(card("a", "learning"), "today"),
      entry(card("b", "review"), "today"),
      entry(card("c", "new", "d2"), "today"),
      entry(card("t1", "review"), "next"),
      entry(card("t2", "new"), "next"),
    ],
    reviewed,
    deck,
  };
}

describe("stepFromWindow", () => {
  const morning = new Date("2026-03-02T16:00:00Z");
  const tomorrow = new Date("2026-03-03T10:00:00Z");

  it("shows today's cards in the server's order, skipping the ones rated", () => {
    const s = stepFromWindow(windowOf(["a"]), morning);
    expect(s.card?.id).toBe("b");
    expect(s.upcoming?.id).toBe("c");
    // Today's counts from the server less the rated card's queue.
    expect(s.counts).toEqual({ new: 5, learning: 0, review: 10 });
  });

  it("keeps the next day's cards until its start, then counts what is left", () => {
    expect(stepFromWindow(windowOf(["a", "b", "c"]), morning).card).toBeNull();
    const next = stepFromWindow(windowOf(["a", "b", "c"]), tomorrow);
    expect(next.card?.id).toBe("t1");
    expect(next.counts).toEqual({ new: 1, learning: 0, review: 1 });
  });

  it("shows only the session's deck", () => {
    const s = stepFromWindow(windowOf([], "d2"), morning);
    expect(s.card?.id).toBe("c");
    expect(s.upcoming).toBeNull();
  });
});

describe("checkOffline", () => {
  it("proposes the server's rating (one rule, @strides/content) for every answer and time", () => {
    const v = generateExercise("conv-output-shape", { seed: 3, lang: "en" });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        (right, isNew, durationMs, easyBelowMs, hardAfterMs) => {
          const c: TOfflineCheck = {
            lang: v.lang,
            expected: v.expected,
            mistakes: v.mistakes ?? [],
            answer: v.answer,
            solutionHtml: "",
            easyBelowMs,
            hardAfterMs,
            isNew,
            retention: 0.9,
          };
          const seen = checkOffline(c, right ? v.answer : "-1", durationMs);
          expect(seen.proposedRating).toBe(
            proposeExerciseRating({ correct: right, durationMs, easyBelowMs, hardAfterMs, isNew }),
          );
        },
      ),
    );
  });

  it("checks a generated variant's answer like the content package", () => {
    const v = generateExercise("conv-output-shape", { seed: 11, lang: "en" });
    const c: TOfflineCheck = {
      lang: v.lang,
      expected: v.expected,
      mistakes: v.mistakes ?? [],
      answer: v.answer,
      solutionHtml: "<p>solution</p>",
      easyBelowMs: 5_000,
      hardAfterMs: 60_000,
      isNew: false,
      retention: 0.9,
    };
    const right = checkOffline(c, v.answer, 10_000);
    expect(right).toMatchObject({ correct: true, proposedRating: 3, answer: v.answer });
    const wrong = checkOffline(c, "1", 10_000);
    expect(wrong).toMatchObject({ correct: false, proposedRating: 1 });
    expect(wrong.solutionHtml).toBe("<p>solution</p>");
  });
});
