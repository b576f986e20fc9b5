import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note.ts";

const cards = (text: string) =>
  parseNote({ text, file: "t.md", resolveImage: () => false }).cards.flatMap((c) =>
    c.kind === "basic" ? [[c.kind, c.front]] : c.kind === "listRecall" ? [[c.kind, c.front]] : [],
  );

describe("a numbered list of definitions", () => {
  it("asks each `term: explanation` item on its own, not as steps in order", () => {
    const text = [
      "## Regularization",
      "",
      "1. **Early stopping**: stop when the validation loss stops improving.",
      "2. Weight decay: add an L2 penalty on the weights to the loss.",
      "3. Dropout: randomly set some neurons to zero in each forward pass.",
      "",
      "- Optimizers",
      "  1. SGD: one sample per update",
      "  2. Adam: momentum with adaptive learning rates",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      ["basic", "**Early stopping**"],
      ["basic", "Weight decay"],
      ["basic", "Dropout"],
      ["basic", "SGD"],
      ["basic", "Adam"],
    ]);
  });

  it("keeps the steps of a sequence: a label that says so, step names, plain sentences", () => {
    const text = [
      "## R-CNN pipeline",
      "",
      "1. Selective search: about 2,000 region proposals",
      "2. CNN: a feature vector per warped region",
      "3. SVM: a class per region",
      "",
      "## Training",
      "",
      "1. Step 1: pre-train the backbone",
      "2. Step 2: fine-tune on the target data",
      "",
      "## NMS",
      "",
      "1. Sort the boxes by score.",
      "2. Keep the best box and drop its overlaps.",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      ["listRecall", "R-CNN pipeline"],
      ["listRecall", "Training: steps in order"],
      ["listRecall", "NMS: steps in order"],
    ]);
  });
});

describe("a numbered outline", () => {
  it("walks each numbered title with its sub-items, not as one card of steps", () => {
    const text = [
      "# Optimizers",
      "",
      "1. Gradient Descent 종류",
      "   - Batch GD : 전체 데이터로 gradient 계산",
      "   - SGD : 샘플 하나씩 계산",
      "2. 업데이트 식",
      "   - Momentum",
      "     - $a_{t+1} = \\beta a_t + g_t$",
      "   - Adam",
      "     - $m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$",
      "",
      "## Detection",
      "",
      "1. Region proposal",
      "   - selective search, about 2,000 boxes",
      "2. Classification",
      "   - an SVM per class",
      "",
    ].join("\n");
    const fronts = cards(text);
    expect(fronts).toEqual(
      expect.arrayContaining([
        ["basic", "Batch GD"],
        ["basic", "SGD"],
        ["basic", "Formula: Momentum"],
        ["basic", "Formula: Adam"],
        // One detail per step is still a sequence with its details.
        ["listRecall", "Detection: steps in order"],
      ]),
    );
    expect(fronts).not.toContainEqual(["listRecall", "Optimizers: steps in order"]);
  });
});
