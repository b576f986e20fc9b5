/**
 * Rules for styles that learners' notes use and the team's fixtures did not: bold labels with the
 * colon inside, bold questions, lists introduced by a sentence, kinds, formulas and their legends,
 * statements over their fix, Korean definitions. What such notes hold that is no study material
 * (diaries, mood headings, worked results, to-dos) is in learner-styles-skips.test.ts.
 */
import { describe, expect, it } from "vitest";
import { toGoldenCard } from "./golden-card.ts";
import { backOf, cards, fronts, parse } from "./note-test-helpers.ts";

describe("a bold label with the colon inside ('**BPTT:** …')", () => {
  it("is a term whose front holds no stray markers and whose back starts with the text", () => {
    const text = [
      "## RNN",
      "",
      "- **BPTT:** Backpropagation Through Time, 시간 축으로 펼친 뒤 역전파",
      "- **Warmup：** 초반에 lr을 선형으로 올린다",
      "",
    ].join("\n");
    expect(cards(text).map((c) => [c.front, "back" in c ? c.back : ""])).toEqual([
      ["**BPTT**", "Backpropagation Through Time, 시간 축으로 펼친 뒤 역전파"],
      ["**Warmup**", "초반에 lr을 선형으로 올린다"],
    ]);
  });

  it("a generic bold label asks its section's formula or its section ('**Formula:** $…$')", () => {
    const text = "## Attention\n\n- **Formula:** $A = \\text{softmax}(QK^T)V$\n";
    expect(fronts(text)).toEqual(["Formula: Attention"]);
  });

  it("a decorated remark label ('💡 **Callout:** …') is a statement of its section", () => {
    const text = "## Softmax\n\n- 💡 **Callout:** the weights sum to 1.\n- 출력은 확률 분포다.\n";
    expect(fronts(text)).toEqual(["Explain: Softmax"]);
  });
});

describe("a bold question with its answer on the same line", () => {
  it("is a question card with the answer on the back", () => {
    const text =
      "## Attention\n\n- **Why scale by $\\sqrt{d_k}$?** Large dot products saturate the softmax.\n";
    expect(cards(text).map((c) => [c.front, "back" in c ? c.back : ""])).toEqual([
      ["Attention: Why scale by $\\sqrt{d_k}$?", "Large dot products saturate the softmax."],
    ]);
  });
});

describe("a sentence introducing a list", () => {
  it("that only announces it ('…다음과 같다.') is on no back", () => {
    const text = [
      "## LSTM",
      "",
      "LSTM의 구조는 다음과 같다.",
      "",
      "- cell state를 두어 장기 의존성 문제를 완화한다.",
      "- gate는 sigmoid를 써서 0~1 사이 값을 낸다.",
      "",
    ].join("\n");
    expect(backOf(text, "Explain: LSTM")).toBe(
      "- cell state를 두어 장기 의존성 문제를 완화한다.\n- gate는 sigmoid를 써서 0~1 사이 값을 낸다.",
    );
  });

  it("over formulas is its section's statement, ended with a full stop; the formulas one card", () => {
    const text = [
      "## Positional encoding",
      "",
      "Attention has no notion of order, so positions are added to the embeddings:",
      "",
      "- $PE_{(pos,2i)} = \\sin(pos / 10000^{2i/d})$",
      "- $PE_{(pos,2i+1)} = \\cos(pos / 10000^{2i/d})$",
      "",
    ].join("\n");
    expect(backOf(text, "Explain: Positional encoding")).toBe(
      "Attention has no notion of order, so positions are added to the embeddings.",
    );
    expect(backOf(text, "Formula: Positional encoding")?.split("$$\n\n$$")).toHaveLength(2);
  });

  it("under a label, whose items all have cards of their own, ends with a full stop", () => {
    const text = [
      "## LSTM",
      "",
      "- Gates",
      "",
      "  Three gates decide what the cell keeps:",
      "",
      "  - Forget gate: what to drop from the cell state",
      "  - Input gate: what to write into the cell state",
      "",
    ].join("\n");
    expect(backOf(text, "Explain: Gates")).toBe("Three gates decide what the cell keeps.");
    expect(fronts(text)).toEqual(expect.arrayContaining(["Forget gate", "Input gate"]));
  });
});

describe("a label over its update rule and a parameter's usual value", () => {
  it("two equations on one line are its formula; 'β는 보통 0.9' goes with it, not on an Explain card", () => {
    const text = [
      "## Optimizers",
      "",
      "- Momentum",
      "  - $v_t = \\beta v_{t-1} + g_t$, $\\theta \\leftarrow \\theta - \\eta v_t$",
      "  - β는 보통 0.9",
      "",
    ].join("\n");
    const all = cards(text);
    expect(all.map((c) => c.front)).toEqual(["Formula: Momentum"]);
    const formula = all[0];
    expect(formula && "back" in formula && formula.back.match(/\$\$/g)).toHaveLength(4);
    const raw = parse(text).cards[0];
    expect(raw?.kind === "basic" && raw.extra).toBe("- β는 보통 0.9");
  });

  it("a statement beside the formula still makes the Explain card", () => {
    const text = [
      "## Optimizers",
      "",
      "- Adagrad",
      "  - $G_t = G_{t-1} + g_t^2$",
      "  - 많이 업데이트된 파라미터는 learning rate가 작아진다.",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["Formula: Adagrad", "Explain: Adagrad"]);
  });
});

describe("a list of seven kinds", () => {
  const recall = (text: string) =>
    parse(text).cards.flatMap((c) =>
      c.kind === "listRecall" ? [[c.front, c.items.map((i) => i.text).join(" | ")]] : [],
    );

  it("after '종류:' on one line is list recall, one item per name; five or fewer stay one card", () => {
    const text = [
      "## Regularization",
      "",
      "- Regularization 종류: L1, L2, Dropout, BN (batch norm, 2015), Data augmentation, Early stopping, Label smoothing",
      "- Augmentation 종류: flip, crop, rotate",
      "",
    ].join("\n");
    expect(recall(text)).toEqual([
      [
        "Regularization 종류 — name all 7",
        "L1 | L2 | Dropout | BN (batch norm, 2015) | Data augmentation | Early stopping | Label smoothing",
      ],
    ]);
    expect(fronts(text)).toContain("Augmentation 종류");
  });

  it("under a bold '종류' label is list recall, not one card whose back is the list", () => {
    const text =
      "## Activation\n\n**종류**\n\n- Sigmoid\n- Tanh\n- ReLU\n- Leaky ReLU\n- ELU\n- GELU\n- Swish\n";
    expect(recall(text)).toEqual([
      ["Activation: 종류 — name all 7", "Sigmoid | Tanh | ReLU | Leaky ReLU | ELU | GELU | Swish"],
    ]);
  });

  it("under a '종류' item, some written as terms, is list recall; the terms keep their cards", () => {
    const text = [
      "## Pooling",
      "",
      "- 종류",
      "  - Max pooling: 최댓값",
      "  - Average pooling: 평균",
      "  - Global average pooling",
      "  - Min pooling",
      "  - Stochastic pooling",
      "  - Mixed pooling",
      "  - Lp pooling",
      "",
    ].join("\n");
    expect(recall(text).map(([front]) => front)).toEqual(["Pooling: 종류 — name all 7"]);
    expect(backOf(text, "Max pooling")).toBe("최댓값");
    expect(fronts(text)).not.toContain("Pooling: 종류");
  });
});

describe("a definition under a heading that names its term ('## Overfitting이란?')", () => {
  it("is no cloze (the heading path would show the answer); the heading asks it", () => {
    const text =
      "## Overfitting이란?\n\nOverfitting은 모델이 training data에 과하게 맞춰지는 현상이다.\n";
    expect(cards(text).map((c) => [c.kind, c.front])).toEqual([["basic", "Overfitting이란?"]]);
  });

  it("a term that is only part of a heading's word is still a cloze", () => {
    const text = "## Dropouts and friends\n\nDropout은 뉴런을 확률 p로 끄는 기법이다.\n";
    expect(cards(text).map((c) => c.kind)).toContain("cloze");
  });
});

describe("a callout titled with a remark's word ('> [!tip] Remember')", () => {
  it("is no 'Explain: Remember' card: it is read as an untitled callout", () => {
    const text = [
      "## Encoder block",
      "",
      "> [!tip] Remember",
      "> The decoder masks future positions in its self-attention.",
      "",
      "> [!warning] Important",
      "> LayerNorm comes after each residual addition in the original Transformer.",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["Encoder block: Warning"]);
    expect(parse(text).skipped.map((s) => [s.line, s.reason])).toEqual([[4, "plain-statement"]]);
  });
});

describe("a one-word term that is also a pronoun ('He: ReLU')", () => {
  it("is a name (He initialization), while 'This method: …' still leans on the text before", () => {
    const text = "## init\n\n- Xavier: tanh/sigmoid\n- He: ReLU\n- This method: 분산을 맞춘다\n";
    expect(fronts(text)).toEqual(["Xavier", "He"]);
    expect(parse(text).skipped.map((s) => [s.line, s.reason])).toEqual([[5, "not-self-contained"]]);
  });
});

describe("a clause before a colon ('Long-range dependencies are hard: …')", () => {
  it("is a statement of its section, not a term whose front is half a sentence", () => {
    const text = [
      "## Why attention?",
      "",
      "- RNNs process tokens one at a time.",
      "- Long-range dependencies are hard: information passes through many steps.",
      "- Softmax: turns scores into weights",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["Why attention?", "Softmax"]);
    expect(backOf(text, "Why attention?")).toContain("Long-range dependencies are hard:");
  });
});

describe("a term whose math only sets values ('기본값: $\\beta_1 = 0.9$')", () => {
  it("is a term card, not a second 'Formula:' card of its section", () => {
    const text = [
      "## Adam",
      "",
      "- $m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$",
      "- 기본값: $\\beta_1 = 0.9, \\epsilon = 10^{-8}$",
      "- 갱신식: $\\theta = \\theta - \\eta \\hat{m}_t$",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["Formula: Adam", "Adam: 기본값", "Formula: 갱신식"]);
  });
});

describe("a line announcing a list of names ('X은 다음과 같다:')", () => {
  it("asks for X by name, not with the announcing sentence as the front", () => {
    const text = [
      "## Generalization",
      "",
      "Generalization gap은 training error와 test error의 차이이다.",
      "일반화 성능을 높이는 방법은 다음과 같다:",
      "1. Regularization",
      "2. More data",
      "3. Ensembles",
      "",
      "The parts of a transformer block are as follows:",
      "",
      "- Attention",
      "- Feed-forward",
      "- LayerNorm",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(
      expect.arrayContaining([
        "일반화 성능을 높이는 방법 — name all 3",
        "The parts of a transformer block — name all 3",
      ]),
    );
  });
});

describe("a dashed term in a list of terms ('GELU - Transformer 계열 기본')", () => {
  it("is a term like its colon siblings; numbered dashed terms are no steps", () => {
    const text = [
      "## activation",
      "",
      "- ReLU: max(0, x)",
      "- GELU - Transformer 계열 기본",
      "",
      "## Pooling",
      "",
      "1) Max pooling - 영역의 최댓값",
      "2) Average pooling - 영역의 평균",
      "",
    ].join("\n");
    expect(cards(text).map((c) => [c.front, "back" in c ? c.back : ""])).toEqual([
      ["ReLU", "max(0, x)"],
      ["GELU", "Transformer 계열 기본"],
      ["Max pooling", "영역의 최댓값"],
      ["Average pooling", "영역의 평균"],
    ]);
  });

  it("a chain or a lone dashed remark stays as it was", () => {
    const text = "## Notes\n\n- conv - relu - pool\n- learning rate - 너무 크면 발산한다\n";
    expect(fronts(text)).not.toContain("learning rate");
  });
});

describe("a question line set in bold as a whole ('**Q: …?**') over its 'A: …' line", () => {
  it("is one question card, its markers on neither side", () => {
    const text = [
      "## Tokenization",
      "",
      "**Q: Tokenization이란?**",
      "A: 문장을 token 단위로 나누는 과정.",
      "",
      "**Q. Why subwords?**",
      "**A.** Rare words split into known pieces, so fewer [UNK].",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.skipped).toEqual([]);
    expect(result.cards.map(toGoldenCard).map((c) => [c.front, "back" in c ? c.back : ""])).toEqual(
      [
        ["Tokenization이란?", "문장을 token 단위로 나누는 과정."],
        ["Tokenization: Why subwords?", "Rare words split into known pieces, so fewer [UNK]."],
      ],
    );
  });
});

describe("a highlight over (nearly) a whole line ('==… 불안정==해진다')", () => {
  it("is emphasis, read as the section's text, not a cloze whose front is '[…]해진다'", () => {
    const text = [
      "## Batch Normalization",
      "",
      "- mini-batch마다 channel별 평균과 분산으로 정규화한다",
      "- ==batch size가 작으면 통계가 불안정==해진다",
      "- ==Running mean== is used at inference time.",
      "",
    ].join("\n");
    const all = cards(text);
    expect(all.map((c) => c.front)).not.toContain("[…]해진다");
    expect(all.some((c) => "back" in c && c.back.includes("통계가 불안정"))).toBe(true);
    expect(all.filter((c) => c.kind === "cloze").map((c) => c.front)).toEqual([
      "[…] is used at inference time.",
    ]);
  });
});

describe("a statement ending in a verbal noun after a particle ('VGG-16을 backbone으로 사용')", () => {
  it("is a fact of its section, not a label with nothing under it", () => {
    const text = [
      "## SSD",
      "",
      "- multi-scale feature map 사용",
      "  - 큰 feature map → 작은 물체",
      "  - 작은 feature map → 큰 물체",
      "- default box를 feature map의 각 위치마다 여러 개 둔다",
      "- VGG-16을 backbone으로 사용",
      "- 작은 batch (예: detection)에서 BN 대신 이용",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.skipped.map((s) => s.reason)).not.toContain("label-without-content");
    const backs = result.cards.map(toGoldenCard).map((c) => c.back);
    expect(backs.join("\n")).toContain("VGG-16을 backbone으로 사용");
    expect(backs.join("\n")).toContain("BN 대신 이용");
  });
});

describe("a numbered list under a label naming points ('**한계**', 'Limitations:')", () => {
  it("is not asked as steps in order: the numbers only count the points", () => {
    const text = [
      "## YOLO v1",
      "",
      "**한계**",
      "1. 각 grid cell이 하나의 class만 예측 → 작은 물체가 모여있으면 잘 못 잡음",
      "2. 새로운 aspect ratio의 물체에 약함",
      "",
      "## R-CNN",
      "",
      "**Limitations:**",
      "1. Slow at test time, one CNN pass per region",
      "2. Training is multi-stage",
      "",
      "**과정**",
      "1. region proposal을 뽑는다",
      "2. CNN으로 feature를 뽑는다",
      "",
    ].join("\n");
    const all = cards(text);
    expect(all.filter((c) => c.kind === "listRecall").map((c) => c.front)).toEqual(["R-CNN: 과정"]);
    expect(all.find((c) => c.front === "YOLO v1: 한계")?.back).toContain("새로운 aspect ratio");
  });
});

describe("a sentence whose predicate is a number ('SSD300의 default box는 총 8732개이다')", () => {
  it("is no definition: no cloze hides its subject", () => {
    const text = [
      "## One-stage detectors",
      "",
      "SSD300의 default box는 총 8732개이다.",
      "",
      "The receptive field of the last layer is 404.",
      "",
      "SSD는 여러 scale의 feature map에서 detection을 하는 one-stage detector이다.",
      "",
    ].join("\n");
    expect(
      cards(text)
        .filter((c) => c.kind === "cloze")
        .map((c) => c.back),
    ).toEqual(["==SSD==는 여러 scale의 feature map에서 detection을 하는 one-stage detector이다."]);
  });
});

describe("a display formula introduced by its own sentence", () => {
  it("is named by that sentence, one Formula card per formula (Korean)", () => {
    const text = [
      "## VAE",
      "",
      "VAE는 다음 likelihood를 최대화한다:",
      "",
      "$$",
      "p(x)=\\int p(x|z)p(z)dz",
      "$$",
      "",
      "직접 계산이 어려워 ELBO를 대신 최대화한다:",
      "",
      "$$",
      "\\log p(x) \\ge \\mathbb{E}_q[\\log p(x|z)] - KL(q\\|p)",
      "$$",
      "",
      "손실 함수는 다음과 같이 정의된다:",
      "",
      "$$",
      "L = -\\log p(x)",
      "$$",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["Formula: likelihood", "Formula: ELBO", "Formula: 손실 함수"]);
    expect(backOf(text, "Formula: ELBO")).toContain("KL(q\\|p)");
  });

  it("is named by that sentence in English, and a bare 'The formula is:' keeps the section's name", () => {
    const text = [
      "## VAE",
      "",
      "The ELBO is:",
      "",
      "$$",
      "\\log p(x) \\ge \\text{ELBO}",
      "$$",
      "",
      "The GAN minimax objective is:",
      "",
      "$$",
      "\\min_G \\max_D V(D,G)",
      "$$",
      "",
      "## BLEU",
      "",
      "The formula is:",
      "",
      "$$",
      "BLEU = BP \\cdot \\exp(\\sum_n w_n \\log p_n)",
      "$$",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual([
      "Formula: ELBO",
      "Formula: GAN minimax objective",
      "Formula: BLEU",
    ]);
  });

  it("a sentence that is no introduction ('This term regularizes q.') names nothing", () => {
    const text = ["## VAE", "", "This term regularizes q:", "", "$$", "KL(q\\|p)", "$$", ""].join(
      "\n",
    );
    expect(fronts(text)).toContain("Formula: VAE");
  });
});

describe("a legend of symbols under a formula ('- $p_n$: n-gram precision')", () => {
  const text = (lang: "ko" | "en") =>
    [
      "## BLEU",
      "",
      "$$",
      "BLEU = BP \\cdot \\exp(\\sum_n w_n \\log p_n)",
      "$$",
      "",
      lang === "en" ? "- $p_n$: n-gram precision" : "- $p_n$는 n-gram 정밀도",
      lang === "en" ? "- $w_n$ — weight" : "- $w_n$: 가중치",
      "",
      lang === "en" ? "BLEU ignores synonyms." : "BLEU는 동의어를 고려하지 못한다.",
      "",
    ].join("\n");

  it.each(["ko", "en"] as const)(
    "is on the formula card's back and on no Explain card (%s)",
    (lang) => {
      const back = backOf(text(lang), "Formula: BLEU");
      expect(back).toContain(
        lang === "en" ? "- $p_n$: n-gram precision" : "- $p_n$는 n-gram 정밀도",
      );
      expect(back).toContain(lang === "en" ? "- $w_n$ — weight" : "- $w_n$: 가중치");
      const explain = backOf(text(lang), "Explain: BLEU");
      expect(explain).toBeDefined();
      expect(explain).not.toContain("$p_n$");
      expect(explain).not.toContain("$w_n$");
    },
  );

  it("a symbol line with no formula above it stays where it was", () => {
    const t = ["## BLEU", "", "- $p_n$: n-gram precision", "- BLEU ignores synonyms", ""].join(
      "\n",
    );
    expect(cards(t).some((c) => "back" in c && c.back.includes("$p_n$"))).toBe(true);
    expect(fronts(t).some((f) => f.startsWith("Formula"))).toBe(false);
  });
});

describe("a bulleted statement whose child answers it (a fix, a reason, an example)", () => {
  it("asks the statement for what the child is (Korean fix, English fix)", () => {
    const ko = [
      "## GAN",
      "",
      "- 학습 초기에 D가 너무 강하면 gradient vanishing이 생긴다",
      "  - → non-saturating loss 사용",
      "- mode collapse가 자주 발생한다",
      "",
    ].join("\n");
    expect(backOf(ko, "학습 초기에 D가 너무 강하면 gradient vanishing이 생긴다: Fix?")).toBe(
      "non-saturating loss 사용",
    );
    expect(backOf(ko, "Explain: GAN")).toBe("- mode collapse가 자주 발생한다");
    const en = [
      "## GAN training",
      "",
      "- If D is too strong early in training, gradients vanish",
      "  - use the non-saturating loss instead",
      "",
    ].join("\n");
    expect(backOf(en, "If D is too strong early in training, gradients vanish: Fix?")).toBe(
      "use the non-saturating loss instead",
    );
  });

  it("asks why or for an example when the child says so", () => {
    const text = [
      "## RNN",
      "",
      "- RNN은 긴 문장에서 앞부분 정보를 잃는다",
      "  - gradient가 시간 축으로 곱해지며 소실되기 때문",
      "- Sigmoid saturates for large inputs.",
      "  - e.g. $\\sigma(10) \\approx 1$",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual([
      "RNN은 긴 문장에서 앞부분 정보를 잃는다: Why?",
      "Sigmoid saturates for large inputs: Example?",
    ]);
  });

  it("a child that says nothing of what it is keeps the statement whole on its section's card", () => {
    const text = [
      "## GAN",
      "",
      "- 학습 초기에 D가 너무 강하면 gradient vanishing이 생긴다",
      "  - G의 출력이 쉽게 구분된다",
      "",
    ].join("\n");
    expect(fronts(text).some((f) => f.endsWith("?"))).toBe(false);
    expect(
      cards(text).some((c) => "back" in c && c.back.includes("G의 출력이 쉽게 구분된다")),
    ).toBe(true);
  });
});

describe("Korean definitions ending in '…을 말한다', '…을 뜻한다'", () => {
  const clozes = (text: string) =>
    cards(text)
      .filter((c) => c.kind === "cloze")
      .map((c) => ("text" in c ? c.text : ""));

  it("a term's meaning is a cloze on the term", () => {
    const text = [
      "## Loss",
      "",
      "Epoch는 전체 데이터를 한 번 도는 것을 말한다.",
      "",
      "Logit은 softmax에 들어가기 전의 점수를 뜻한다.",
      "",
    ].join("\n");
    expect(clozes(text)).toHaveLength(2);
  });

  it("what an observation implies ('…다는 것을 의미한다') is no definition", () => {
    const text = [
      "## Loss",
      "",
      "Validation loss 상승은 overfitting이 시작되었다는 것을 의미한다.",
      "",
      "Loss 정체는 학습률이 너무 작다는 뜻이다.",
      "",
    ].join("\n");
    expect(clozes(text)).toEqual([]);
  });

  it("a subject cut at an adnominal ending ('높은 perplexity는') is no term", () => {
    const text = [
      "## LM",
      "",
      "높은 perplexity는 모델이 헷갈리는 정도를 말한다.",
      "",
      "학습하는 동안의 loss는 training loss를 말한다.",
      "",
    ].join("\n");
    expect(clozes(text)).toEqual([]);
  });
});

describe("a statement over how it works ('BatchNorm은 학습을 안정화한다' / '배치 통계를 사용')", () => {
  it("is no problem and its fix", () => {
    const text = [
      "## BatchNorm",
      "",
      "- BatchNorm은 학습을 안정화한다",
      "  - 미니배치 통계를 사용",
      "- It normalizes each feature over the batch",
      "  - use running averages at test time",
      "",
    ].join("\n");
    expect(fronts(text).some((f) => f.endsWith("Fix?"))).toBe(false);
  });
});
