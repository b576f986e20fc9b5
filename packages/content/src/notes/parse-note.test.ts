import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toGoldenCard } from "./golden-card.ts";
import { parseNote } from "./parse-note.ts";
import { ZNoteImport } from "./schema.ts";

const fixtures = join(import.meta.dirname, "fixtures");
const readFixture = (name: string) => readFileSync(join(fixtures, name), "utf8");
const noImages = () => false;

describe("parseNote: extraction from plain note structure (fixture day-optimization.md)", () => {
  const result = parseNote({
    text: readFixture("day-optimization.md"),
    file: "fixtures/day-optimization.md",
    resolveImage: noImages,
  });

  it("matches the schema and has no errors", () => {
    expect(ZNoteImport.parse(result)).toEqual(result);
    expect(result.errors).toEqual([]);
  });

  it("makes exactly the golden cards", () => {
    expect(result.cards.map(toGoldenCard)).toEqual([
      {
        kind: "basic",
        context: "Gradient descent",
        front: "Explain: Gradient descent",
        // The child formula is asked by a card of its own (below), not again here.
        back: "- learning rate가 너무 크면 발산하고, 너무 작으면 학습이 느리다.",
      },
      {
        kind: "basic",
        context: "Gradient descent › Update rule",
        front: "Formula: Update rule",
        back: "$$\nW_{t+1} = W_t - \\eta \\nabla \\mathcal{L}(W_t)\n$$",
      },
      {
        kind: "basic",
        context: "Optimizers",
        front: "Momentum",
        back: "이전 gradient의 방향을 누적해서 관성처럼 사용한다.",
      },
      {
        kind: "basic",
        context: "Optimizers",
        front: "Adam",
        back: "momentum과 adaptive learning rate(RMSProp)를 합친 방법.",
      },
      {
        kind: "basic",
        context: "Optimizers",
        front: "Optimizers: Why warm-up?",
        back: "학습 초기에 Adam의 분산 추정이 불안정해서 큰 learning rate가 위험하기 때문이다.",
      },
      {
        kind: "listRecall",
        context: "Regularization methods",
        front: "Regularization methods — name all 4",
        back: "Early stopping | Weight decay | Dropout | Data augmentation",
      },
      { kind: "basic", context: "Summary", front: "SGD", back: "한 번에 mini-batch 하나" },
      {
        kind: "basic",
        context: "Summary",
        front: "Summary — which one: 한 번에 mini-batch 하나?",
        back: "SGD",
      },
      { kind: "basic", context: "Summary", front: "Momentum", back: "관성" },
      { kind: "basic", context: "Summary", front: "Summary — which one: 관성?", back: "Momentum" },
      { kind: "basic", context: "Summary", front: "Adam", back: "momentum + RMSProp" },
      {
        kind: "basic",
        context: "Summary",
        front: "Summary — which one: momentum + RMSProp?",
        back: "Adam",
      },
      {
        // A definition sentence is asked as a cloze on its term.
        kind: "cloze",
        context: "Generalization",
        front: "[…]은 training error와 test error의 차이이다.",
        back: "==Generalization gap==은 training error와 test error의 차이이다.",
      },
      {
        kind: "listRecall",
        context: "Generalization",
        front: "일반화 성능을 높이는 방법 — name all 3",
        back: "Regularization | More data | Ensembles",
      },
      {
        kind: "basic",
        context: "Generalization › Bias and variance",
        front: "Explain: Bias and variance",
        back: "- High bias는 underfitting, high variance는 overfitting과 관련이 있다.\n\n_(image: image-BiasVariance)_",
      },
      {
        kind: "basic",
        context: "Papers › Lookahead › Note on Lookahead",
        front: "What does Lookahead keep?",
        back: "slow weights and fast weights.",
      },
    ]);
  });

  it("reports what it skipped, and why", () => {
    expect(result.skipped.map((s) => [s.line, s.reason, s.text])).toEqual([
      [63, "plain-statement", "But, this is not always true."],
      [67, "label-without-content", "Adam"],
      [69, "label-without-content", "AdamW"],
      [77, "plain-statement", "It is cheap to add."],
    ]);
  });

  it("warns about missing images and prose indented like code, with lines", () => {
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([
      [29, "image-missing"],
      [59, "image-missing"],
      [75, "indented-prose"],
    ]);
    expect(result.warnings[0]?.message).toContain("fixtures/missing/Regularization.png");
  });

  it("gives every card its source, context, tags, language and sibling key", () => {
    const momentum = result.cards.find((c) => c.kind === "basic" && c.front === "Momentum");
    expect(momentum).toMatchObject({
      file: "fixtures/day-optimization.md",
      source: { file: "fixtures/day-optimization.md", lineStart: 21, lineEnd: 21 },
      context: ["Optimizers"],
      tags: ["blog", "optimization", "optimizers"],
      lang: "mixed",
      origin: "extracted",
    });
    const summary = result.cards.filter((c) => c.context[0] === "Summary");
    // Both directions of one takeaway share a sibling key; different takeaways do not.
    expect(summary[0]?.siblingKey).toBe(summary[1]?.siblingKey);
    expect(summary[0]?.siblingKey).not.toBe(summary[2]?.siblingKey);
    expect(new Set(result.cards.map((c) => c.id)).size).toBe(result.cards.length);
  });
});

describe("parseNote: explicit authoring syntax (fixture authoring-syntax.md)", () => {
  const result = parseNote({
    text: readFixture("authoring-syntax.md"),
    file: "authoring-syntax.md",
  });

  it("makes exactly the golden cards", () => {
    expect(result.errors).toEqual([]);
    expect(result.cards.map(toGoldenCard)).toEqual([
      {
        // Proposed from "Output size of a 2×2 max pooling with stride 2 on a 32×32 map".
        kind: "exercise",
        context: "Pooling",
        front: "노트에 나온 계산을 새 숫자로 연습합니다: Pooling output shape",
        back: 'pool-output-shape {"padding":0,"ceil_mode":"false","kernel":[2,3],"stride":[2],"size":[32,16,64]}',
      },
      {
        kind: "basic",
        context: "Pooling",
        front: "Max pooling",
        back: "각 window에서 가장 큰 값을 고른다.",
      },
      {
        kind: "basic",
        context: "Pooling",
        front: "Pooling layer의 학습 가능한 parameter 수",
        back: "0",
      },
      {
        kind: "basic",
        context: "Pooling",
        front: "0",
        back: "Pooling layer의 학습 가능한 parameter 수",
      },
      {
        kind: "basic",
        context: "Pooling",
        front: "Output size of a $2 \\times 2$ max pooling with stride 2 on a $32 \\times 32$ map",
        back: "$16 \\times 16$",
      },
      {
        kind: "basic",
        context: "Pooling",
        front: "Average pooling",
        back: "window 안의 값들의 평균",
      },
      {
        kind: "basic",
        context: "Pooling",
        front: "window 안의 값들의 평균",
        back: "Average pooling",
      },
      {
        kind: "cloze",
        context: "Pooling › Clozes",
        front: "Pooling은 feature map의 […]를 줄이고 채널 수는 그대로 둔다.",
        back: "Pooling은 feature map의 ==spatial size==를 줄이고 채널 수는 그대로 둔다.",
      },
      {
        kind: "cloze",
        context: "Pooling › Clozes",
        front: "Pooling은 feature map의 spatial size를 줄이고 채널 수는 […] 둔다.",
        back: "Pooling은 feature map의 spatial size를 줄이고 채널 수는 ==그대로== 둔다.",
      },
      {
        kind: "cloze",
        context: "Pooling › Clozes",
        front: "[…] keeps the largest value in each window.",
        back: "==Max pooling== keeps the largest value in each window.",
      },
      {
        kind: "cloze",
        context: "Pooling › Clozes",
        front: "Max pooling keeps the [which value?] in each window.",
        back: "Max pooling keeps the ==largest value== in each window.",
      },
      {
        kind: "basic",
        context: "Pooling › Clozes",
        front: "Explain: Clozes",
        back: "Code like `std::vector` or `a == b` is not card syntax.",
      },
    ]);
    expect(result.skipped.map((s) => s.text)).toEqual(["Overlapping pooling"]);
  });

  it("writes highlight clozes in the canonical {{cN::…}} form and keeps hints", () => {
    const clozes = result.cards.filter((c) => c.kind === "cloze");
    expect(clozes[0]).toMatchObject({
      text: "Pooling은 feature map의 {{c1::spatial size}}를 줄이고 채널 수는 {{c2::그대로}} 둔다.",
      clozeNumber: 1,
      answers: ["spatial size"],
    });
    expect(clozes[3]).toMatchObject({
      text: "{{c1::Max pooling}} keeps the {{c2::largest value::which value?}} in each window.",
      clozeNumber: 2,
      anchor: "max-pool-cloze",
    });
    // The clozes of one paragraph are siblings.
    expect(clozes[0]?.siblingKey).toBe(clozes[1]?.siblingKey);
  });

  it("marks directions and shares the sibling key between both sides of ::: and ??", () => {
    const pair = result.cards.filter((c) => c.kind === "basic" && c.anchor === "pool-params");
    expect(pair.map((c) => (c.kind === "basic" ? c.direction : ""))).toEqual([
      "forward",
      "reverse",
    ]);
    expect(pair[0]?.siblingKey).toBe(pair[1]?.siblingKey);
    expect(pair[0]?.id).not.toBe(pair[1]?.id);
    expect(pair[0]?.origin).toBe("explicit");
  });
});

describe("parseNote: exercise blocks", () => {
  it("reports an unknown generator and invalid YAML as errors with file:line", () => {
    const result = parseNote({ text: readFixture("bad-exercise.md"), file: "bad-exercise.md" });
    expect(result.cards).toEqual([]);
    expect(result.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ["bad-exercise.md", 3, "exercise-unknown-generator"],
      ["bad-exercise.md", 8, "exercise-invalid"],
    ]);
    expect(result.errors[0]?.message).toContain('"no-such-generator"');
  });

  it("rejects fields that are not part of the block", () => {
    const text = "```exercise\ngenerator: x\nparameters: {}\n```\n";
    const result = parseNote({ text, file: "n.md" });
    expect(result.errors[0]).toMatchObject({ code: "exercise-invalid", line: 1 });
  });
});
