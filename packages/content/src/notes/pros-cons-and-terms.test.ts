import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note.ts";

const basics = (text: string) =>
  parseNote({ text, file: "t.md", resolveImage: () => false }).cards.flatMap((c) =>
    c.kind === "basic" ? [[c.front, c.back]] : [],
  );

describe("advantages and disadvantages on one line", () => {
  it("makes two cards, one per side, in Korean and English", () => {
    const text = [
      "## RNN",
      "",
      "- 장점: 가변 길이 입력 처리 단점: 병렬화가 어려움, vanishing gradient",
      "",
      "## Adam",
      "",
      "Pros: works with default hyperparameters. Cons: may generalize worse than SGD.",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      ["RNN: 장점", "가변 길이 입력 처리"],
      ["RNN: 단점", "병렬화가 어려움, vanishing gradient"],
      ["Adam: Pros", "works with default hyperparameters."],
      ["Adam: Cons", "may generalize worse than SGD."],
    ]);
  });

  it("reads bold labels, a slash between the sides and a named subject", () => {
    const text = [
      "## Data augmentation",
      "",
      "**장점**: 일반화 성능 향상 **단점**: label이 바뀔 수 있음",
      "",
      "## 1x1 Convolution",
      "",
      "- 장점 : 연산량 감소 / 단점 : 정보 손실 가능",
      "- Self-attention 장점: 병렬 계산 가능 단점: 메모리 $O(n^2)$",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      ["Data augmentation: 장점", "일반화 성능 향상"],
      ["Data augmentation: 단점", "label이 바뀔 수 있음"],
      ["1x1 Convolution: 장점", "연산량 감소"],
      ["1x1 Convolution: 단점", "정보 손실 가능"],
      ["Self-attention 장점", "병렬 계산 가능"],
      ["Self-attention 단점", "메모리 $O(n^2)$"],
    ]);
  });

  it("leaves one side alone, and a word inside math or another word", () => {
    const text = [
      "## Dropout",
      "",
      "- 장점: 과적합을 줄임, 앙상블 효과",
      "- Icons: 단점: 이건 아이콘 이야기",
      "- Pros: $a 단점: b$ 로 쓴다",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      ["Dropout: 장점", "과적합을 줄임, 앙상블 효과"],
      ["Icons", "단점: 이건 아이콘 이야기"],
      ["Dropout: Pros", "$a 단점: b$ 로 쓴다"],
    ]);
  });
});

describe("terms with their alias in brackets", () => {
  it("reads 'MSE (Mean Squared Error): …' and 'Rectified Linear Unit(ReLU): …' as terms", () => {
    const text = [
      "## Loss functions",
      "",
      "- **MSE (Mean Squared Error)**: 회귀 문제에 사용",
      "- Markov model (first-order autoregressive model): 바로 직전 시점만 고려한다",
      "- Rectified Linear Unit(ReLU): 음수는 0, 양수는 그대로",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      ["**MSE (Mean Squared Error)**", "회귀 문제에 사용"],
      ["Markov model (first-order autoregressive model)", "바로 직전 시점만 고려한다"],
      ["Rectified Linear Unit(ReLU)", "음수는 0, 양수는 그대로"],
    ]);
  });

  it("still refuses brackets inside the name, and a one-letter function", () => {
    const text = "## Notes\n\n- 출력 (padding 없을 때) 크기 비교: 아래 참고\n- f(x): 어떤 함수\n";
    const fronts = basics(text).map(([front]) => front);
    expect(fronts).not.toContain("출력 (padding 없을 때) 크기 비교");
    expect(fronts).not.toContain("f(x)");
  });
});

describe("a bold term, a dash, its explanation", () => {
  it("reads '- **Dropout** - …' and '**GELU** — …' as terms, each its own card", () => {
    const text = [
      "## Regularization",
      "",
      "- **Dropout** - 학습 시 뉴런의 일부를 확률 p로 끈다.",
      "- **Weight decay** – loss에 L2 norm을 더한다.",
      "- __GELU__— Transformer에서 많이 쓰는 activation",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      ["**Dropout**", "학습 시 뉴런의 일부를 확률 p로 끈다."],
      ["**Weight decay**", "loss에 L2 norm을 더한다."],
      ["__GELU__", "Transformer에서 많이 쓰는 activation"],
    ]);
  });

  it("does not read a plain dash or a hyphenated bold word as a term", () => {
    const text =
      "## Notes\n\n- learning rate - 너무 크면 발산한다\n- **skip-connection**을 추가한다\n";
    const fronts = basics(text).map(([front]) => front);
    expect(fronts).not.toContain("learning rate");
    expect(fronts).not.toContain("**skip");
  });
});

describe("terms under a term", () => {
  it("asks a child 'term: …' on its own, under its parent term; other children stay its extra", () => {
    const text = [
      "## Pooling",
      "",
      "- Max pooling: 영역에서 가장 큰 값을 선택",
      "  - 장점: 두드러진 특징을 잡음 단점: 나머지 정보를 버림",
      "  - 보통 2x2, stride 2를 쓴다",
      "",
    ].join("\n");
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    expect(
      cards.flatMap((c) => (c.kind === "basic" ? [[c.front, c.back, c.context]] : [])),
    ).toEqual([
      ["Max pooling", "영역에서 가장 큰 값을 선택", ["Pooling"]],
      ["Max pooling: 장점", "두드러진 특징을 잡음", ["Pooling", "Max pooling"]],
      ["Max pooling: 단점", "나머지 정보를 버림", ["Pooling", "Max pooling"]],
    ]);
    const first = cards[0];
    expect(first?.kind === "basic" ? first.extra : "").toContain("보통 2x2, stride 2를 쓴다");
  });
});
