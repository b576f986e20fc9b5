/**
 * What learners' notes hold that is no study material, or no context for a card: diary intros and
 * lab logs, mood and meta headings, worked results, lines about the note itself, to-dos, parts of a
 * formula by position. Each is skipped with its reason (or left out of the heading path).
 */
import { describe, expect, it } from "vitest";
import { toGoldenCard } from "./golden-card.ts";
import { cards, fronts, parse } from "./note-test-helpers.ts";

describe("a diary intro and a lab log", () => {
  const text = [
    "# RNN과 LSTM",
    "",
    "오늘은 아침부터 비가 와서 집중이 잘 안 됐다 😅",
    "So I finally sat down and went through the lecture again.",
    "RNN은 hidden state로 이전 정보를 전달한다.",
    "",
    "## 실험 메모",
    "",
    "- hidden size 128 → 256으로 바꾸니 val loss 0.41 → 0.38",
    "- gradient clipping 넣으니 안정됨",
    "",
  ].join("\n");

  it("make no card; each is skipped with its reason; the fact between them stays", () => {
    expect(cards(text).map((c) => [c.front, "back" in c ? c.back : ""])).toEqual([
      ["Explain: RNN과 LSTM", "RNN은 hidden state로 이전 정보를 전달한다."],
    ]);
    expect(parse(text).skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "non-study-section"],
      [4, "non-study-section"],
      [7, "non-study-section"],
    ]);
  });

  it("a fact that merely mentions today or a day is not diary", () => {
    const facts =
      "## Transformer\n\nTransformer는 오늘날 NLP의 기본 구조이다.\nIt replaces recurrence with attention.\n";
    expect(parse(facts).skipped).toEqual([]);
  });
});

describe("a heading that names a mood, not a topic ('헷갈렸던 거 ❌', '오늘의 TIL')", () => {
  const text = [
    "## 헷갈렸던 거 ❌",
    "",
    "- model.eval()을 안 하면 추론 때도 dropout이 켜져 있다.",
    "",
    "## 오늘의 TIL",
    "",
    "- regularization 종류",
    "  - L1",
    "  - L2",
    "  - Dropout",
    "- Early stopping: validation loss가 줄지 않으면 학습을 멈춘다.",
    "",
    "**Gotchas**",
    "",
    "- BN은 batch size가 작으면 통계가 불안정하다.",
    "",
  ].join("\n");

  it("is in no front and no heading path", () => {
    const all = cards(text);
    expect(all.map((c) => c.front)).toEqual(["regularization 종류 — name all 3", "Early stopping"]);
    for (const c of all) expect(c.context).not.toMatch(/헷갈|TIL|Gotchas/);
  });

  it("a statement under it, with no topic to ask about, is skipped with its reason", () => {
    expect(parse(text).skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "plain-statement"],
      [15, "plain-statement"],
    ]);
  });
});

describe("a label whose only child is a worked example", () => {
  it("makes no card, and is skipped with a reason as its example is", () => {
    const text = [
      "## Adam",
      "",
      "- bias correction",
      "  - 예: $t=1$, $\\beta_1=0.9$이면 $\\hat{m}_1 = m_1 / 0.1$",
      "- Adam은 Momentum과 RMSProp을 합친 것이다.",
      "",
    ].join("\n");
    expect(parse(text).skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "label-without-content"],
      [4, "worked-example"],
    ]);
  });
});

describe("a 'My questions' heading", () => {
  it("is no context: its questions are asked with the topic above it", () => {
    const text =
      "## Transformer\n\n### My questions\n\n- Why LayerNorm? → It does not depend on the batch.\n";
    expect(fronts(text)).toEqual(["Transformer: Why LayerNorm?"]);
  });
});

describe("diary and meta headings in other shapes", () => {
  it("a diary label ('오늘 공부 시간: 3h') is skipped; a summary label of the day still asks", () => {
    const text = [
      "## CNN",
      "",
      "> 오늘 공부 시간: 3h / 컨디션 좋음",
      "",
      "- 오늘의 핵심: stride는 커널이 이동하는 간격",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["오늘의 핵심"]);
    expect(parse(text).skipped.map((s) => [s.line, s.reason])).toEqual([[3, "non-study-section"]]);
  });

  it("a numbered mood heading ('3. 내가 헷갈린 부분') and 'Q&A' are no context", () => {
    const text = [
      "# CNN",
      "",
      "## 3. 내가 헷갈린 부분",
      "",
      "- Padding: 가장자리에 0을 채운다",
      "",
      "## Q&A",
      "",
      "Q. 1x1 conv는 왜 쓰나요?",
      "A. 채널 수를 줄이려고",
      "",
    ].join("\n");
    expect(cards(text).map((c) => [c.context, c.front])).toEqual([
      ["CNN", "Padding"],
      ["CNN", "CNN: 1x1 conv는 왜 쓰나요?"],
    ]);
  });
});

describe("a line working a result out from the note's own values", () => {
  it("is a worked example: '예를 들어 …이면 … = 0.8', '… 1000개이므로 … = 32 이다', 'X: 20*64 + 64 = 1344'", () => {
    const text = [
      "## mAP",
      "",
      "Precision은 TP / (TP + FP)로 계산한다.",
      "",
      "예를 들어 TP=8, FP=2, FN=4이면 precision = 0.8 이다.",
      "",
      "batch_size=32이고 데이터가 1000개이므로 iteration 수는 ceil(1000/32) = 32 이다.",
      "",
      "파라미터 수: 20*64 + 64 + 64*2 + 2 = 1474",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [5, "worked-example"],
      [7, "worked-example"],
      [9, "worked-example"],
    ]);
    // The formula and the worked counts propose a precision-recall exercise around TP 8, FP 2, FN 4.
    expect(result.cards.map(toGoldenCard).map((c) => c.back)).toEqual([
      'precision-recall {"metric":["precision","recall","f1"],"tp":[8,45,90],"fp":[2,10,25],"fn":[4,15,30]}',
      "Precision은 TP / (TP + FP)로 계산한다.",
    ]);
  });
});

describe("a line about the note itself ('이 노트북에서는 … 작성해 본다', 'In this notebook …')", () => {
  it("is skipped with its reason, on no card", () => {
    const text = [
      "# PyTorch Training Loop 실습",
      "",
      "이 노트북에서는 PyTorch로 기본 training loop를 작성해 본다.",
      "",
      "## Q&A 정리",
      "",
      "스터디에서 나온 질문들을 Q/A 형식으로 정리함. (week 7)",
      "",
      "In this notebook we train a small MLP.",
      "",
      "`DataLoader`는 Dataset을 mini-batch 단위로 묶어 준다.",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "non-study-section"],
      [7, "non-study-section"],
      [9, "non-study-section"],
    ]);
    expect(result.cards.map(toGoldenCard).map((c) => c.back)).toEqual([
      "`DataLoader`는 Dataset을 mini-batch 단위로 묶어 준다.",
    ]);
  });
});

describe("a section of what one has yet to learn ('아직 모르는 것', '더 공부할 것')", () => {
  it("is a to-do section: its open questions and plans make no card", () => {
    const text = [
      "## GloVe",
      "",
      "- co-occurrence 행렬을 이용한 embedding",
      "",
      "## 아직 모르는 것",
      "",
      "- GloVe의 weighting function은 왜 그 모양인지?",
      "- FastText 정리하기",
      "",
      "## 더 공부할 것",
      "",
      "- ELMo와 비교",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.cards.map(toGoldenCard).map((c) => c.context)).toEqual(["GloVe"]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["todo", "todo"]);
  });
});

describe("a term that names a part of a formula by position ('첫 번째 항: …', 'The second term: …')", () => {
  it("is skipped as leaning on the note: the front does not show the formula", () => {
    const text = [
      "## ELBO",
      "",
      "- 첫 번째 항: reconstruction term",
      "- 두번째 항: regularization term",
      "- The second term: the KL divergence to the prior",
      "- KL divergence: 두 분포의 차이를 재는 값",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "not-self-contained"],
      [4, "not-self-contained"],
      [5, "not-self-contained"],
    ]);
    expect(fronts(text)).toEqual(["KL divergence"]);
  });
});
