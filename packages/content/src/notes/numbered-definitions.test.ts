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
