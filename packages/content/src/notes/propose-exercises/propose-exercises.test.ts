/**
 * Exercise cards proposed from the team's fixture notes, through the whole importer (parseNote):
 * which sections get which exercise, the note's own example among the variants, stable ids,
 * language, and nothing where the author wrote exercise blocks or only named a topic.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateExercise } from "../../exercises/index.ts";
import { parseNote } from "../parse-note.ts";
import type { TCard, TExerciseCard } from "../schema.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const exercises = (cards: TCard[]) =>
  cards.filter((c): c is TExerciseCard => c.kind === "exercise");
const importFixture = (name: string) => parseNote({ text: fixture(name), file: name });
const summary = (cards: TCard[]) =>
  exercises(cards).map((c) => `${c.context.join(" › ")} | ${c.generator}`);

/** The first variant over seeds 1…400 whose drawn parameters include all of `wanted`. */
function findVariant(card: TExerciseCard, wanted: Record<string, unknown>) {
  for (let seed = 1; seed <= 400; seed++) {
    const v = generateExercise(card.generator, { seed, lang: "en", ranges: card.params });
    if (
      Object.entries(wanted).every(
        ([k, value]) => JSON.stringify(v.params?.[k]) === JSON.stringify(value),
      )
    )
      return v;
  }
  return undefined;
}

describe("cnn-layers.ko.md (Korean)", () => {
  const result = importFixture("cnn-layers.ko.md");

  it("gets one exercise per section that states a computation, none for named topics", () => {
    expect(result.errors).toEqual([]);
    expect(summary(result.cards)).toEqual([
      "출력 크기 | conv-output-shape",
      "파라미터 수 | conv-params",
      "연산량 | conv-macs",
      "풀링 › Max pooling | pool-output-shape",
      "수용 영역 | receptive-field",
      "수용 영역 | vgg-stack-vs-7x7",
      "전치 합성곱 | convtranspose-output-size",
      "1차원 합성곱 | conv1d-value",
      "2차원 합성곱과 상호상관 | conv-vs-correlation",
    ]);
  });

  it("draws ranges from the note's numbers, with the note's own example as a variant", () => {
    const [shape, params] = exercises(result.cards);
    expect(params?.params).toMatchObject({
      kernel: [3, 5, 1],
      in_channels: [128, 64, 256],
      bias: "false",
    });
    const own = findVariant(params!, {
      kernel: 3,
      in_channels: 128,
      out_channels: 64,
      bias: "false",
    });
    expect(own?.answer).toBe("73,728");
    const example = findVariant(shape!, {
      height: 32,
      kernel: 5,
      stride: 1,
      padding: 0,
      out_channels: 6,
    });
    expect(example?.answer).toMatch(/^(6×28×28|28×28×6)$/);
  });

  it("writes the cards in Korean, and the exercise engine asks in Korean", () => {
    for (const card of exercises(result.cards)) {
      expect(["ko", "mixed"]).toContain(card.lang);
      expect(card.origin).toBe("extracted");
      const v = generateExercise(card.generator, {
        seed: 7,
        lang: "ko",
        ranges: card.params,
      });
      expect(v.question).toMatch(/[가-힣]/);
    }
  });
});

describe("architectures.en.md (English)", () => {
  const result = importFixture("architectures.en.md");
  const title = "Modern CNN architectures — worked numbers";

  it("gets the architecture exercises", () => {
    expect(summary(result.cards)).toEqual([
      `${title} › VGG | vgg-stack-vs-7x7`,
      `${title} › GoogLeNet › 1x1 bottleneck | conv-params`,
      `${title} › GoogLeNet › 1x1 bottleneck | inception-bottleneck-savings`,
      `${title} › GoogLeNet › Inception module output | inception-output-channels`,
      `${title} › ResNet | resnet-block-params`,
      `${title} › DenseNet | densenet-channels`,
      `${title} › From FC to convolution | fc-vs-conv`,
      `${title} › Model sizes | model-params`,
    ]);
    expect(new Set(exercises(result.cards).map((c) => c.lang))).toEqual(new Set(["en"]));
  });

  it("keeps the note's numbers", () => {
    const byGenerator = new Map(exercises(result.cards).map((c) => [c.generator, c]));
    const bottleneck = byGenerator.get("inception-bottleneck-savings")!;
    const own = findVariant(bottleneck, {
      in_channels: 192,
      reduce: 16,
      out_channels: 32,
      kernel: 5,
      size: 28,
      measure: "params",
    });
    // 5·5·192·32 − (192·16 + 5·5·16·32) = 153,600 − 15,872
    expect(own?.answer).toBe("137,728");
    const dense = findVariant(byGenerator.get("densenet-channels")!, {
      in_channels: 64,
      growth_rate: 32,
      layers: 6,
      compression: 50,
    });
    expect(dense?.answer).toBe("256; 128");
    expect(byGenerator.get("model-params")?.params).toEqual({
      model: ["alexnet", "vgg16"],
      approx: "yes",
    });
    const fc = findVariant(byGenerator.get("fc-vs-conv")!, {
      channels: 512,
      kernel: 7,
      out_features: 4096,
    });
    expect(fc?.answer).toMatch(/^102,764,544; /);
  });
});

describe("detection.mixed.md (Korean with English terms, blockquote pseudo-headings)", () => {
  const result = importFixture("detection.mixed.md");

  it("uses the quoted sub-headings as context and skips models only named", () => {
    expect(summary(result.cards)).toEqual([
      "Two-stage detectors › Fast R-CNN | roi-pool-output-shape",
      "Two-stage detectors › Faster R-CNN | rpn-anchor-count",
      "SPPNet | spp-output-length",
      "평가 지표 | iou",
    ]);
  });

  it("takes the note's grid, channels, scales and levels", () => {
    const [roi, rpn, spp] = exercises(result.cards);
    expect(roi?.params).toMatchObject({ pooled: [7, 6], channels: [512, 256] });
    expect(rpn?.params).toMatchObject({ scales: [3, 4], ratios: [3, 2], height: [800, 600] });
    expect(findVariant(spp!, { channels: 256, levels: [1, 2, 4] })?.answer).toBe("5,376");
  });
});

describe("blog-style.ko.md (Jekyll post, asterisks Markdown reads as emphasis)", () => {
  const result = importFixture("blog-style.ko.md");

  it("reads computations as written and skips the diary section", () => {
    expect(summary(result.cards)).toEqual([
      "Convolution 연산 › 출력 크기 구하는 법 | conv-output-shape",
      "Convolution 연산 › 파라미터 개수 | conv-params",
      "Depthwise separable convolution | conv-params",
      "FCN | convtranspose-output-size",
    ]);
    const [shape, params, depthwise, fcn] = exercises(result.cards);
    // 227×227×3, 11×11 filters ×96, stride 4 → 55×55×96
    const alex = findVariant(shape!, {
      height: 227,
      kernel: 11,
      stride: 4,
      padding: 0,
      out_channels: 96,
    });
    expect(alex?.answer).toMatch(/^(96×55×55|55×55×96)$/);
    // (5*5*3+1)*6 = 456
    const own = findVariant(params!, { kernel: 5, in_channels: 3, out_channels: 6, bias: "true" });
    expect(own?.answer).toBe("456");
    expect(depthwise?.params.groups).toEqual(["depthwise", "1"]);
    expect(fcn?.params.stride).toEqual([32, 2, 4]);
  });
});

describe("lecture.en.md (English lecture notes)", () => {
  const result = importFixture("lecture.en.md");

  it("takes symbols such as W = 7, F = 3 as the note's example", () => {
    const lecture = "Lecture 5: Convolutional networks";
    expect(summary(result.cards)).toEqual([
      `${lecture} › Spatial arrangement | conv-output-shape`,
      `${lecture} › Parameter sharing | conv-params`,
      `${lecture} › Pooling layer | pool-output-shape`,
      `${lecture} › Dilated convolutions | receptive-field`,
    ]);
    const [shape, params] = exercises(result.cards);
    const small = findVariant(shape!, { height: 7, width: 7, kernel: 3, stride: 2, padding: 0 });
    expect(small?.answer).toMatch(/^(\d+×3×3|3×3×\d+)$/);
    const alex = findVariant(params!, {
      kernel: 11,
      in_channels: 3,
      out_channels: 96,
      bias: "true",
    });
    expect(alex?.answer).toBe("34,944");
  });
});

describe("topics-named-only.md", () => {
  it("gets no exercise at all", () => {
    const result = importFixture("topics-named-only.md");
    expect(result.errors).toEqual([]);
    expect(exercises(result.cards)).toEqual([]);
  });
});

describe("identity and curation", () => {
  const text = fixture("cnn-layers.ko.md");
  const ids = (t: string) =>
    new Map(
      exercises(parseNote({ text: t, file: "n.md" }).cards).map((c) => [
        `${c.context.join("›")}|${c.generator}`,
        c.id,
      ]),
    );

  it("keeps ids when the note's numbers and other sections change", () => {
    const before = ids(text);
    const edited = text
      .replace("73{,}728", "147{,}456")
      .replace("128 \\times 64", "128 \\times 128")
      .replace("## 패딩\n", "## 패딩\n\n새로 쓴 문단.\n");
    expect(ids(edited)).toEqual(before);
  });

  it("changes an id when its section's heading changes", () => {
    const renamed = ids(text.replace("## 파라미터 수", "## 합성곱 층의 파라미터"));
    expect(renamed.get("합성곱 층의 파라미터|conv-params")).toBeDefined();
    expect(renamed.get("합성곱 층의 파라미터|conv-params")).not.toBe(
      ids(text).get("파라미터 수|conv-params"),
    );
  });

  it("proposes nothing in a note whose author wrote exercise blocks", () => {
    const curated = `${text}\n\n## 직접 고른 연습\n\n\`\`\`exercise\ngenerator: conv-params\n\`\`\`\n`;
    const cards = exercises(parseNote({ text: curated, file: "n.md" }).cards);
    expect(cards.map((c) => c.generator)).toEqual(["conv-params"]);
    expect(cards[0]?.origin).toBe("explicit");
  });
});

describe("sequence-models.ko.md and sequence-models.en.md (RNN, attention, Adam)", () => {
  const ko = importFixture("sequence-models.ko.md");
  const en = importFixture("sequence-models.en.md");

  it("gets an exercise where a count is stated, none where RNNs, GRUs or BERT are only described", () => {
    expect(ko.errors).toEqual([]);
    expect(en.errors).toEqual([]);
    expect(summary(ko.cards)).toEqual([
      "Sequential Models › LSTM › LSTM 파라미터 수 = 4 × (h(h + x) + h) | rnn-params",
      "Transformer › Multi-Head Attention | multihead-attention",
      "Optimizer › Adam | adam-bias-correction",
    ]);
    expect(summary(en.cards)).toEqual([
      "Lecture 8: RNNs and Transformers › Recurrent networks › Counting LSTM parameters | rnn-params",
      "Lecture 8: RNNs and Transformers › Attention › Multi-head attention | multihead-attention",
    ]);
  });

  it("draws the notes' own layers, whose answers are the counts PyTorch gives", () => {
    const [lstm, mha] = exercises(en.cards);
    const own = findVariant(lstm!, {
      cell: "lstm",
      input_size: 300,
      hidden_size: 512,
      num_layers: 2,
      bidirectional: "true",
    });
    expect(own?.answer).toBe("9,633,792");
    const attention = findVariant(mha!, { embed_dim: 768, num_heads: 12 });
    expect(attention?.answer).toBe("2,362,368");
    const [, heads] = exercises(ko.cards);
    expect(findVariant(heads!, { embed_dim: 512, num_heads: 8 })?.answer).toBe("64");
  });

  it("asks the Korean note's LSTM with PyTorch's two biases, not the note's one-bias count", () => {
    const [lstm] = exercises(ko.cards);
    const own = findVariant(lstm!, { input_size: 100, hidden_size: 128, num_layers: 1 });
    // The note's 4 × (128 × 228 + 128) = 117,248 counts one bias vector; PyTorch keeps two.
    expect(own?.answer).toBe("117,760");
    expect(own?.lang).toBe("en");
    const check = generateExercise("rnn-params", {
      seed: own!.seed,
      lang: "ko",
      ranges: lstm!.params,
    });
    expect(check.mistakes?.find((m) => m.code === "bias_once")?.expected).toEqual({
      kind: "integer",
      value: 117248,
    });
  });
});
