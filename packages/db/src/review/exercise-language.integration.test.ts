// An exercise card proposed from a note asks in the note's language whatever the learner's locale;
// a hand-written exercise card asks in the learner's. Real exercise engine, real database.

import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { rid, T0, useTestDb } from "../testing/review-test-helpers.ts";
import { getNextCard } from "./get-next-card.ts";
import { submitReview } from "./submit-review.ts";

const { db } = useTestDb();
const HANGUL = /[가-힣]/;

async function showAndAnswer(content: Record<string, unknown>, locale: string) {
  const fx = await createReviewFixture(db(), {
    userId: `learner-${locale}-${String(content.origin)}`,
    deckSlug: `deck-${locale}-${String(content.origin)}`,
    cards: 1,
    kind: "exercise",
    locale,
    content: () => content,
  });
  const shown = await getNextCard({ db: db(), userId: fx.userId, deckIds: [fx.deckId], now: T0 });
  const answered = await submitReview({
    db: db(),
    userId: fx.userId,
    cardId: fx.cardIds[0] as string,
    requestId: rid(),
    answer: "0",
    rating: 3,
    durationMs: 5_000,
    now: T0,
  });
  return { shown, answered };
}

describe("the language an exercise asks in", () => {
  it("follows a proposed card's language, not the learner's locale", async () => {
    const content = {
      kind: "exercise",
      generator: "conv-params",
      params: { kernel: 3, in_channels: 128, out_channels: 64, bias: "false", groups: "1" },
      origin: "extracted",
      lang: "ko",
    };
    const { shown, answered } = await showAndAnswer(content, "en");
    expect(shown.exercise?.lang).toBe("ko");
    expect(shown.exercise?.question).toMatch(HANGUL);
    expect(answered.variant?.lang).toBe("ko");
    expect(answered.variant?.answer).toBe("73,728");
    expect(answered.check?.correct).toBe(false);
  });

  it("follows the learner's locale for a hand-written exercise", async () => {
    const content = {
      kind: "exercise",
      generator: "conv-params",
      params: { kernel: 3, in_channels: 128, out_channels: 64, bias: "false", groups: "1" },
      origin: "explicit",
      lang: "ko",
    };
    const { shown } = await showAndAnswer(content, "en");
    expect(shown.exercise?.lang).toBe("en");
    expect(shown.exercise?.question).not.toMatch(HANGUL);
  });
});
