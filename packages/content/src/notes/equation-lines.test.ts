import { describe, expect, it } from "vitest";
import { readEquations } from "./line-shapes.ts";
import { MASK } from "./markdown-source.ts";
import { parseNote } from "./parse-note.ts";

const shape = (markdown: string, codeMasked = markdown) => ({ markdown, codeMasked });
const cards = (text: string) =>
  parseNote({ text, file: "t.md", resolveImage: () => false }).cards.flatMap((c) =>
    c.kind === "basic" ? [[c.front, c.back, c.extra ?? ""]] : [],
  );

describe("formulas written as text: `name = expression`", () => {
  it("reads one or several named formulas, and not values, prose or comparisons", () => {
    expect(readEquations(shape("Precision = TP/(TP+FP), Recall = TP/(TP+FN)"))).toEqual([
      { name: "Precision", equation: "Precision = TP/(TP+FP)" },
      { name: "Recall", equation: "Recall = TP/(TP+FN)" },
    ]);
    expect(readEquations(shape("IoU = 교집합 / 합집합."))).toEqual([
      { name: "IoU", equation: "IoU = 교집합 / 합집합" },
    ]);
    const math = "output size = $(W-K+2P)/S+1$";
    expect(
      readEquations(
        shape(
          math,
          math.replace(/\$[^$]+\$/, (m) => MASK.repeat(m.length)),
        ),
      ),
    ).toEqual([{ name: "output size", equation: math }]);
    for (const no of [
      "S = 7",
      "stride = 2로 하면 크기가 절반이 된다",
      "k = 3, s = 1",
      "a == b + c",
      "이 값이 커지면 loss = 0 / 0 이 된다고 보면 되는데 학습이 안 되는 경우가 많다",
      "Precision = TP/(TP+FP), 그리고 나머지는 나중에",
    ]) {
      expect(readEquations(shape(no)), no).toBeUndefined();
    }
  });

  it("makes a Formula card per formula, the sub-items as its extra", () => {
    const text = [
      "## 평가 지표",
      "- IoU = 교집합 / 합집합",
      "  - 예) A=(0,0,10,10), B=(5,5,15,15) → 25/175",
      "- Precision = TP/(TP+FP); Recall = TP/(TP+FN)",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      ["Formula: IoU", "IoU = 교집합 / 합집합", "- 예) A=(0,0,10,10), B=(5,5,15,15) → 25/175"],
      ["Formula: Precision", "Precision = TP/(TP+FP)", ""],
      ["Formula: Recall", "Recall = TP/(TP+FN)", ""],
    ]);
  });

  it("reads a name with its formula on the item's next line as a Formula card", () => {
    const text =
      "## Conv\n* 출력 크기 공식\n  $$O = \\lfloor \\frac{I - K + 2P}{S} \\rfloor + 1$$\n* ReLU로 vanishing gradient 완화\n";
    expect(cards(text)).toEqual([
      ["Formula: 출력 크기 공식", "$$\nO = \\lfloor \\frac{I - K + 2P}{S} \\rfloor + 1\n$$", ""],
      ["Explain: Conv", "- ReLU로 vanishing gradient 완화", ""],
    ]);
  });
});
