import { describe, expect, it } from "vitest";
import { localizeFront, localizePrompt } from "./card-templates.ts";
import { exercisePrompt } from "./propose-exercises/proposal-language.ts";

describe("extraction's fixed words in the reader's language", () => {
  it("shows a Korean reader 설명, 공식, 모두, 순서대로 and leaves the author's words", () => {
    expect(localizeFront("Explain: Padding", "ko")).toBe("설명: Padding");
    expect(localizeFront("Formula: IoU", "ko")).toBe("공식: IoU");
    expect(localizeFront("Detection: name all 4", "ko")).toBe("Detection: 4개 모두");
    expect(localizeFront("Pooling: name all 3 kinds", "ko")).toBe("Pooling: 3가지 모두");
    expect(localizeFront("R-CNN: steps in order", "ko")).toBe("R-CNN: 순서대로");
    expect(localizeFront("요약 — which one: 덧셈 연결?", "ko")).toBe("요약 — 어느 것: 덧셈 연결?");
    expect(localizeFront("D가 너무 강하면 gradient가 사라진다: Fix?", "ko")).toBe(
      "D가 너무 강하면 gradient가 사라진다: 해결책?",
    );
    expect(localizeFront("RNN은 앞부분 정보를 잃는다: Why?", "ko")).toBe(
      "RNN은 앞부분 정보를 잃는다: 이유?",
    );
    expect(localizeFront("Sigmoid saturates: Example?", "ko")).toBe("Sigmoid saturates: 예?");
    expect(localizeFront("Explain: Padding", "en")).toBe("Explain: Padding");
    // Only the fixed words at their place: "explain" inside the author's text stays.
    expect(localizeFront("Why explain: formula: x", "ko")).toBe("Why explain: formula: x");
  });

  it("gives a proposed exercise's prompt in the reader's language, not an author's prompt", () => {
    const ko = exercisePrompt("conv-params", "ko");
    const en = exercisePrompt("conv-params", "en");
    expect(localizePrompt(ko, "conv-params", "en")).toBe(en);
    expect(localizePrompt(en, "conv-params", "ko")).toBe(ko);
    expect(localizePrompt("Compute the parameters of my layer.", "conv-params", "ko")).toBe(
      "Compute the parameters of my layer.",
    );
  });
});
