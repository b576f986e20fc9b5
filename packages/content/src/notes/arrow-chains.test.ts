import { describe, expect, it } from "vitest";
import { readArrowChain } from "./arrow-chains.ts";
import { MASK } from "./markdown-source.ts";
import { parseNote } from "./parse-note.ts";

const shape = (markdown: string) => ({
  markdown,
  codeMasked: markdown.replace(/\$[^$]+\$/g, (m) => MASK.repeat(m.length)),
});
const cards = (text: string) =>
  parseNote({ text, file: "t.md", resolveImage: () => false })
    .cards.filter((c) => c.kind !== "exercise")
    .map((c) => [
      c.kind,
      "front" in c ? c.front : "",
      c.kind === "listRecall" ? c.items.map((i) => i.text).join(" | ") : "back" in c ? c.back : "",
      c.kind === "listRecall" ? c.ordered : undefined,
    ]);

describe("a pipeline written on one line with arrows", () => {
  it("reads the stages of ->, →, => and $\\rightarrow$ chains, and not other arrows", () => {
    expect(
      readArrowChain(shape("후보 영역 추출 -> CNN 특징 추출 -> SVM 분류 -> 박스 회귀")),
    ).toEqual(["후보 영역 추출", "CNN 특징 추출", "SVM 분류", "박스 회귀"]);
    expect(readArrowChain(shape("BatchNorm → $1 \\times 1$ Conv → AvgPool."))).toEqual([
      "BatchNorm",
      "$1 \\times 1$ Conv",
      "AvgPool",
    ]);
    expect(readArrowChain(shape("backbone => RPN => head"))).toEqual(["backbone", "RPN", "head"]);
    expect(readArrowChain(shape("입력 $\\rightarrow$ Conv $\\rightarrow$ ReLU"))).toEqual([
      "입력",
      "Conv",
      "ReLU",
    ]);
    for (const no of [
      "학습률이 크면 -> 발산",
      "224 -> 112 -> 56",
      "$H \\times W$ → $H/2$ → $H/4$",
      "왜 crop? ==> padding이 없어서 ==> 크기가 줄어든다",
      "A <-> B <-> C",
      "입력 이미지를 넣으면 feature map이 나온다 -> 이것을 RoI pooling으로 고정 크기로 만든다 -> 분류한다",
    ]) {
      expect(readArrowChain(shape(no)), no).toBeUndefined();
    }
  });

  it("asks a term's chain as its steps in order", () => {
    const text = [
      "## Detection",
      "- R-CNN: 후보 영역 추출 -> CNN 특징 추출 -> SVM 분류 -> 박스 회귀",
      "- Fast R-CNN 과정: 전체 이미지 CNN → RoI pooling → FC",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      [
        "listRecall",
        "R-CNN: steps in order",
        "후보 영역 추출 | CNN 특징 추출 | SVM 분류 | 박스 회귀",
        true,
      ],
      ["listRecall", "Fast R-CNN 과정", "전체 이미지 CNN | RoI pooling | FC", true],
    ]);
  });

  it("asks a chain that opens a section or is a label's content as the section's steps", () => {
    const text = [
      "## Transition Block",
      "- BatchNorm -> $1 \\times 1$ Conv -> $2 \\times 2$ AvgPooling",
      "",
      "## Faster R-CNN",
      "- 파이프라인",
      "  - backbone => RPN => RoI pooling => head",
      "- DenseNet block",
      "  - BN → ReLU → $3 \\times 3$ conv",
      "  - 채널이 growth rate만큼 늘어난다",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      [
        "listRecall",
        "Transition Block: steps in order",
        "BatchNorm | $1 \\times 1$ Conv | $2 \\times 2$ AvgPooling",
        true,
      ],
      ["listRecall", "Faster R-CNN: 파이프라인", "backbone | RPN | RoI pooling | head", true],
      ["basic", "Explain: DenseNet block", "- 채널이 growth rate만큼 늘어난다", undefined],
      ["listRecall", "DenseNet block: steps in order", "BN | ReLU | $3 \\times 3$ conv", true],
    ]);
  });

  it("leaves a chain further down a section, or under a question, in its section's card", () => {
    const text = [
      "## Misc",
      "- 학습률이 크면 발산한다.",
      "- 입력 → Conv → ReLU → Pool",
      "",
      "## CNN",
      "- How does a CNN read an image?",
      "  - 입력 → Conv → ReLU → Pool",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      [
        "basic",
        "Explain: Misc",
        "- 학습률이 크면 발산한다.\n- 입력 → Conv → ReLU → Pool",
        undefined,
      ],
      ["basic", "How does a CNN read an image?", "- 입력 → Conv → ReLU → Pool", undefined],
    ]);
  });
});
