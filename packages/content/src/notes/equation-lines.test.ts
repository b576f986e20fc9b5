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

describe("a label whose child items are equations", () => {
  it("asks the formula by the label ('Formula: SGD'), not 'Explain: SGD'", () => {
    const text = [
      "## Optimizers",
      "- SGD",
      "  - $\\theta \\leftarrow \\theta - \\eta \\nabla L$",
      "- Momentum",
      "  - $v_t = \\gamma v_{t-1} + \\eta \\nabla L$",
      "  - $\\theta \\leftarrow \\theta - v_t$",
      "- Adam",
      "  - $m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$",
      "  - 1차, 2차 moment를 같이 쓴다.",
      "",
      "## Gradient descent",
      "- 수식",
      "  - $W_{t+1} = W_t - \\eta \\nabla L$",
      "    - $\\eta$: learning rate",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      ["Formula: SGD", "$$\n\\theta \\leftarrow \\theta - \\eta \\nabla L\n$$", ""],
      [
        "Formula: Momentum",
        "$$\nv_t = \\gamma v_{t-1} + \\eta \\nabla L\n$$\n\n$$\n\\theta \\leftarrow \\theta - v_t\n$$",
        "",
      ],
      ["Formula: Adam", "$$\nm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t\n$$", ""],
      ["Explain: Adam", "- 1차, 2차 moment를 같이 쓴다.", ""],
      [
        "Formula: Gradient descent",
        "$$\nW_{t+1} = W_t - \\eta \\nabla L\n$$",
        "- $\\eta$: learning rate",
      ],
    ]);
  });

  it("leaves a question's formula as its answer, and a bare term in math as a statement", () => {
    const text = [
      "## Normalization",
      "- Why normalize?",
      "  - $\\hat{x} = (x - \\mu)/\\sigma$",
      "- Softmax",
      "  - $\\mathrm{softmax}(z)_i$",
      "  - 점수를 확률로 바꾼다",
      "",
    ].join("\n");
    expect(cards(text)).toEqual([
      ["Why normalize?", "- $\\hat{x} = (x - \\mu)/\\sigma$", ""],
      ["Explain: Softmax", "- $\\mathrm{softmax}(z)_i$\n- 점수를 확률로 바꾼다", ""],
    ]);
  });
});

describe("an update rule alone under a heading", () => {
  it("is a Formula card like an equation with '='", () => {
    const text = "## Momentum\n\n$v \\leftarrow \\gamma v + g$\n";
    expect(cards(text)).toEqual([["Formula: Momentum", "$$\nv \\leftarrow \\gamma v + g\n$$", ""]]);
  });
});

describe("a section's formula in several lines", () => {
  it("asks formulas on consecutive lines on one card; one after prose stays in the explanation", () => {
    const text = [
      "## Positional encoding",
      "",
      "Attention is permutation-invariant, so order is injected.",
      "",
      "$PE_{(pos, 2i)} = \\sin(pos / 10000^{2i/d})$",
      "",
      "$PE_{(pos, 2i+1)} = \\cos(pos / 10000^{2i/d})$",
      "",
      "So relative positions are easy to learn.",
      "",
      "$PE_{pos+k} = M_k PE_{pos}$",
      "",
    ].join("\n");
    const formula = cards(text).find(([front]) => front === "Formula: Positional encoding");
    expect(formula?.[1]).toMatch(/\\sin[\s\S]*\\cos/);
    expect(formula?.[1]).not.toContain("M_k");
    const explain = cards(text).find(([front]) => front === "Explain: Positional encoding");
    expect(explain?.[1]).not.toContain("\\cos");
    expect(explain?.[1]).toContain("M_k");
  });
});
