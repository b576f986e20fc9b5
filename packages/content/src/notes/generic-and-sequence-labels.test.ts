import { describe, expect, it } from "vitest";
import { parse } from "./note-test-helpers.ts";

describe("labels that name no subject: 수식, 해결, 순서", () => {
  it("asks them with their section", () => {
    const text = [
      "## RNN",
      "",
      "- 수식: $h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t)$",
      "- 해결: gradient clipping, LSTM",
      "",
      "## NMS",
      "",
      "- 순서",
      "  1. score 순으로 정렬한다",
      "  2. 겹치는 box를 지운다",
      "",
    ].join("\n");
    const fronts = parse(text).cards.map((c) => ("front" in c ? c.front : ""));
    expect(fronts).toEqual(["Formula: RNN", "RNN: 해결", "NMS: 순서"]);
  });
});

describe("a bare 'Steps:' line over its list", () => {
  it("is asked with its section: 'Hyperparameter search: Steps'", () => {
    const text = [
      "## Hyperparameter search",
      "",
      "Steps:",
      "1. Check initial loss",
      "2. Overfit a small sample",
      "3. Find a learning rate that makes the loss go down",
      "",
    ].join("\n");
    const card = parse(text).cards[0];
    expect(card?.kind === "listRecall" ? [card.front, card.ordered, card.flags] : []).toEqual([
      "Hyperparameter search: Steps",
      true,
      [],
    ]);
  });
});

describe("a bulleted list under a sequence's name", () => {
  it("is asked as steps in order", () => {
    const text = [
      "- R-CNN",
      "  - Pipeline",
      "    - Selective search로 약 2,000개의 region proposal을 뽑는다",
      "    - 각 region을 227x227로 warp 한다",
      "    - SVM으로 class를 분류한다",
      "",
    ].join("\n");
    const steps = parse(text).cards.flatMap((c) =>
      c.kind === "listRecall" ? [[c.front, c.ordered, c.items.length]] : [],
    );
    expect(steps).toEqual([["R-CNN: Pipeline", true, 3]]);
  });

  it("is asked as steps in order under a heading or bold label too ('### 과정', '**Pipeline**')", () => {
    const text = [
      "## R-CNN",
      "### 과정",
      "- 입력 이미지에서 region proposal을 뽑는다",
      "- 각 region을 warp한다",
      "- SVM으로 분류한다",
      "",
      "## Fast R-CNN",
      "**Pipeline**",
      "",
      "- 전체 이미지에 CNN",
      "- RoI pooling",
      "- FC와 softmax",
      "",
    ].join("\n");
    const steps = parse(text).cards.flatMap((c) =>
      c.kind === "listRecall" ? [[c.front, c.ordered, c.items.length]] : [[c.kind]],
    );
    expect(steps).toEqual([
      ["R-CNN: 과정", true, 3],
      ["Fast R-CNN: Pipeline", true, 3],
    ]);
  });

  it("but not under a name that only ends like one ('Gaussian process', 'EM algorithm')", () => {
    const text = [
      "- Gaussian process",
      "  - 함수에 대한 분포를 정의한다",
      "  - 커널로 공분산을 정한다",
      "",
    ].join("\n");
    const cards = parse(text).cards;
    expect(cards.map((c) => [c.kind, "front" in c ? c.front : ""])).toEqual([
      ["basic", "Explain: Gaussian process"],
    ]);
  });
});

describe("a remark's label ('Note:', '참고:', '**Tip**:')", () => {
  it("is not a term: the remark joins its section's card", () => {
    const text = [
      "## Batch Norm",
      "",
      "- mini-batch 단위로 평균과 분산을 구해 정규화한다.",
      "- 참고: inference 때는 running mean을 쓴다.",
      "",
      "**Tip**: BN 뒤에는 bias가 필요 없다.",
      "",
    ].join("\n");
    const cards = parse(text).cards;
    expect(
      cards.map((c) => [c.kind, "front" in c ? c.front : "", "back" in c ? c.back : ""]),
    ).toEqual([
      [
        "basic",
        "Explain: Batch Norm",
        "- mini-batch 단위로 평균과 분산을 구해 정규화한다.\n- 참고: inference 때는 running mean을 쓴다.\n\n**Tip**: BN 뒤에는 bias가 필요 없다.",
      ],
    ]);
  });
});

describe("decorated headings ('## 🔹 Seq2Seq', '### ✅ 3. Attention')", () => {
  it("ask and show the heading's words without the decoration", () => {
    const text = [
      "# 📘 Week 3",
      "",
      "## 🔹 Seq2Seq",
      "",
      "- 문제점: 입력이 길어지면 정보 손실",
      "",
      "### ✅ 3. Attention",
      "",
      "- 장점: 긴 문장도 참고 가능",
      "",
    ].join("\n");
    const cards = parse(text).cards;
    expect(cards.map((c) => ["front" in c ? c.front : "", c.context.join(" › ")])).toEqual([
      ["Seq2Seq: 문제점", "Week 3 › Seq2Seq"],
      ["Attention: 장점", "Week 3 › Seq2Seq › Attention"],
    ]);
  });
});

describe("'정의:' / 'Definition:' lines and generic headings over names", () => {
  it("make a cloze on the defined term, or ask the definition with its section when the heading names the term", () => {
    const text = [
      "## Bias",
      "",
      "- 정의: 편향(bias)은 모델의 예측 평균과 실제 값의 차이이다.",
      "",
      "## Variance",
      "",
      "- 정의: 데이터가 바뀔 때 예측이 흔들리는 정도",
      "- Definition: Variance is the spread of predictions across training sets.",
      "",
    ].join("\n");
    expect(parse(text).cards.map((c) => [c.kind, "front" in c ? c.front : ""])).toEqual([
      ["cloze", "[…]은 모델의 예측 평균과 실제 값의 차이이다."],
      ["basic", "Variance: 정의"],
      // "Variance" is on the heading path shown above the card: a cloze on it would give it away.
      ["basic", "Variance: Definition"],
    ]);
  });

  it("asks a generic heading's list of names with its parent heading", () => {
    const text = "## Overfitting\n\n### 해결 방법\n\n- 데이터 늘리기\n- Dropout\n- Weight decay\n";
    const card = parse(text).cards[0];
    expect(card && "front" in card ? [card.front, card.flags] : []).toEqual([
      "Overfitting: 해결 방법 — name all 3",
      [],
    ]);
  });
});
