import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type ExerciseVariant,
  generateExercise,
  getGeneratorInfo,
  listGenerators,
} from "../exercises/index.ts";
import { toGoldenCard } from "./golden-card.ts";
import { parseNote } from "./parse-note.ts";
import type { TCard } from "./schema.ts";
import { loadShippedDeck, shippedDeckDir } from "./shipped-deck.ts";

/** Generator names the deck is written to drill (the exercise engine's registry must hold them). */
const DECK_GENERATORS = [
  "conv-output-shape",
  "conv-params",
  "pool-output-shape",
  "conv-macs",
  "vgg-stack-vs-7x7",
  "inception-bottleneck-savings",
  "inception-output-channels",
  "resnet-block-params",
  "densenet-channels",
  "convtranspose-output-size",
  "fc-vs-conv",
  "receptive-field",
  "conv1d-value",
  "conv-vs-correlation",
  "iou",
  "rpn-anchor-count",
  "spp-output-length",
  "roi-pool-output-shape",
  "model-params",
];

// biome-ignore lint/suspicious/noExplicitAny: drawn parameters differ per generator; each rule reads its own
type DrawnParams = Record<string, any>;

/**
 * What the deck teaches, per generator it drills: a rule on one drawn variant that returns what the
 * variant asks about and the deck does not teach (or nothing). `teaches` looks for the card that
 * teaches an advanced case, so a variant may draw it only while that card exists.
 */
type TaughtRule = (
  p: DrawnParams,
  v: ExerciseVariant,
  teaches: (card: RegExp) => boolean,
) => string | undefined;

const every3rd = (xs: number[], from: number) => xs.filter((_, i) => i % 3 === from);

const TAUGHT: Record<string, TaughtRule> = {
  "conv1d-value": () => undefined,
  "conv-vs-correlation": () => undefined,
  "conv-output-shape": (p, _v, teaches) =>
    p.dilation > 1 && !teaches(/Dilation을 포함한 convolution output size/)
      ? `dilation ${p.dilation}`
      : undefined,
  "conv-params": (p, _v, teaches) => {
    const depthwise = p.groups > 1 && p.groups === p.in_channels && p.groups === p.out_channels;
    if (depthwise && !teaches(/Depthwise convolution의 parameter 수/)) return "depthwise conv";
    if (p.groups > 1 && !teaches(/Grouped convolution의 parameter 수/)) return `groups ${p.groups}`;
    if (p.bias === "false" && !teaches(/bias=False/)) return "a conv without bias";
    return undefined;
  },
  "conv-macs": (p, _v, teaches) =>
    !teaches(/MAC\(multiply-accumulate\) 수/)
      ? "MACs"
      : p.groups > 1 && !teaches(/Grouped convolution/)
        ? `groups ${p.groups}`
        : undefined,
  "pool-output-shape": (p, _v, teaches) =>
    p.ceil_mode !== "false" && !teaches(/ceil_mode=True/) ? "ceil_mode=True" : undefined,
  "receptive-field": (p, _v, teaches) => {
    const strides = every3rd(p.layers, 1);
    const dilations = every3rd(p.layers, 2);
    if (strides.some((s) => s > 1) && !teaches(/Stride가 있는 layer를 쌓았을 때/)) return "strides";
    if (dilations.some((d) => d > 1) && !teaches(/Dilation \$d\$가 있으면/)) return "dilation";
    return undefined;
  },
  "vgg-stack-vs-7x7": (p) => (p.depth > 3 ? `${p.depth} stacked 3×3 convs` : undefined),
  "inception-bottleneck-savings": (p, _v, teaches) =>
    p.measure === "macs" && !teaches(/MAC\(multiply-accumulate\) 수/) ? "MACs" : undefined,
  "inception-output-channels": () => undefined,
  "resnet-block-params": (p, _v, teaches) =>
    p.stride === 2 && !teaches(/Option B/) ? "a projection shortcut" : undefined,
  "densenet-channels": (p, _v, teaches) =>
    p.compression < 100 && !teaches(/compression \$\\theta\$/) ? "compression" : undefined,
  // The deck must state the very count the variant asks for (in millions when approximate).
  "model-params": (p, v, teaches) =>
    teaches(new RegExp(v.answer.replace(/[.]/g, "\\.")))
      ? undefined
      : `${p.model}'s parameter count ${v.answer}`,
  "convtranspose-output-size": (p) =>
    p.output_padding > 0 ? `output_padding ${p.output_padding}` : undefined,
  "fc-vs-conv": () => undefined,
  iou: () => undefined,
  "rpn-anchor-count": () => undefined,
  "spp-output-length": () => undefined,
  "roi-pool-output-shape": () => undefined,
};

describe("the shipped deck DL Basic — CNN", () => {
  const deck = loadShippedDeck();
  const imports = deck.notes.map((note) =>
    parseNote({
      text: note.text,
      file: `packages/content/decks/dl-basic/${note.path}`,
      deckPath: note.path,
      resolveImage: (p) => existsSync(join(shippedDeckDir(), "../../../..", p)),
    }),
  );
  const cards: TCard[] = imports.flatMap((r) => r.cards);
  const about = (pattern: RegExp) =>
    cards.filter((c) => {
      const g = toGoldenCard(c);
      return pattern.test(`${g.context}\n${g.front}\n${g.back}`);
    });

  it("has its name, slug and notes", () => {
    expect(deck.slug).toBe("dl-basic-cnn");
    expect(deck.name).toBe("DL Basic — CNN");
    expect(deck.notes.length).toBeGreaterThanOrEqual(7);
  });

  it("imports with no errors and no warnings", () => {
    for (const r of imports) {
      expect(r.errors, r.file).toEqual([]);
      expect(r.warnings, r.file).toEqual([]);
    }
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it.each([
    ["continuous convolution", /Continuous convolution/],
    ["discrete convolution", /Discrete convolution/],
    ["2-D convolution", /2-D image convolution/],
    ["cross-correlation correction", /cross-correlation/],
    ["CNN layers and roles", /Pooling layer의 역할/],
    ["pooling", /Max pooling vs average pooling/],
    ["AlexNet", /AlexNet/],
    ["ReLU", /ReLU의 정의/],
    ["VGG and why 3×3", /Why \$3 \\times 3\$ convolution\?/],
    ["GoogLeNet and 1×1 convolution", /1 \\times 1\$ bottleneck/],
    ["ResNet and skip connections", /skip connection help/],
    ["batch norm placement", /batch normalization의 위치/],
    ["DenseNet dense block", /^DenseNet\nDense block/m],
    ["DenseNet transition layer", /Transition layer의 순서/],
    ["key takeaways", /Key takeaways/],
    ["convolutionalization", /Convolutionalization/],
    ["deconvolution", /Deconvolution \(transposed convolution\)/],
    ["skip architecture", /Skip architecture \(FCN\)/],
    ["R-CNN", /R-CNN의 파이프라인/],
    ["SPPNet", /SPPNet의 핵심/],
    ["Fast R-CNN", /Fast R-CNN의 개선점/],
    ["Faster R-CNN", /Faster R-CNN의 핵심/],
    ["batch norm itself", /Batch normalization의 식/],
    ["batch norm train vs inference", /Batch norm의 train vs inference/],
    ["the MAC formula", /MAC\(multiply-accumulate\) 수/],
    ["receptive field with strides", /Stride가 있는 layer를 쌓았을 때의 receptive field/],
    ["grouped convolution parameters", /Grouped convolution의 parameter 수/],
    ["depthwise convolution parameters", /Depthwise convolution의 parameter 수/],
    ["where parameters live", /CNN의 parameter는 대부분 어디에/],
    ["global average pooling", /Global average pooling이 parameter를 없애는/],
    ["YOLO", /YOLO의 출력/],
    ["NMS", /Non-maximum suppression/],
    ["mAP", /mAP/],
    ["ResNet structure", /ResNet의 전체 구조/],
    ["DenseNet-B and DenseNet-121", /DenseNet-121의 구성/],
    ["FCN loss and 32s/16s/8s", /FCN-32s, FCN-16s, FCN-8s의 숫자/],
    ["semantic vs instance segmentation", /instance segmentation/],
    ["R-CNN box regression", /bounding-box regression target/],
    ["convolution basics", /Sparse interactions/],
    ["padding modes", /Padding의 세 가지 방식/],
    ["dilation", /Dilated \(atrous\) convolution/],
    ["AlexNet LRN", /Local response normalization \(LRN\)/],
  ])("covers %s", (_topic, pattern) => {
    expect(about(pattern).length).toBeGreaterThan(0);
  });

  it("states what is correct where the seed note is imprecise", () => {
    expect(about(/cross-correlation — kernel을 뒤집지 않고/)).toHaveLength(1);
    expect(about(/\*\*선형으로\*\* 늘어난다/)).toHaveLength(1);
    expect(about(/약 70%가 줄어든다/)).toHaveLength(1);
  });

  it("cards stand alone: no reference to a note or card the learner never sees", () => {
    for (const card of cards) {
      const g = toGoldenCard(card);
      expect(`${g.front}\n${g.back}`, g.front).not.toMatch(
        /원 노트|두 번째 등호|위의 |위 (?:식|카드|MAC)|앞 카드/,
      );
    }
  });

  it("writes Korean particles and counters without a space after math or a number", () => {
    // A particle or counter right after a closing `$` or a digit, separated by a space, is not how
    // Korean is written (`$L$ 개`, `0.7 인`); the deck writes `$L$개`, `0.7인`, or rephrases.
    const particle =
      "(?:개|번|배|만큼|은|는|이|가|을|를|의|에|와|과|로|으로|인|이면|이고|이다|면)(?:마다|면|와|과|의|를|가|는|씩|째)?(?![가-힣])";
    for (const note of deck.notes) {
      note.text.split("\n").forEach((line, i) => {
        const outsideMath = line.replace(/\$[^$]*\$/g, "§");
        expect(outsideMath, `${note.path}:${i + 1}`).not.toMatch(
          new RegExp(`[§\\d] ${particle}`, "u"),
        );
      });
    }
  });

  it("uses every planned generator, each registered, and every exercise card generates", () => {
    const exercises = cards.filter((c) => c.kind === "exercise");
    const registered = new Set(listGenerators().map((g) => g.name));
    const used = new Set(exercises.map((c) => c.generator));
    for (const name of DECK_GENERATORS) {
      expect(registered.has(name), `${name} is registered`).toBe(true);
      expect(used.has(name), `${name} is used by the deck`).toBe(true);
    }
    for (const card of exercises) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const variant = generateExercise(card.generator, { seed, lang: "ko", ranges: card.params });
        expect(variant.answer, `${card.generator} seed ${seed}`).not.toBe("");
      }
    }
  });
  it("draws in every exercise block only variants of what the deck teaches", () => {
    const texts = cards.map((c) => {
      const g = toGoldenCard(c);
      return `${g.front}\n${g.back}`;
    });
    const teaches = (card: RegExp) => texts.some((t) => card.test(t));
    for (const card of cards) {
      if (card.kind !== "exercise") continue;
      const rule = TAUGHT[card.generator];
      expect(rule, `say what the deck teaches for ${card.generator}`).toBeDefined();
      const where = `${card.source.file}:${card.source.lineStart}`;
      for (let seed = 1; seed <= 300; seed++) {
        const v = generateExercise(card.generator, { seed, lang: "en", ranges: card.params });
        const untaught = rule?.(v.params as DrawnParams, v, teaches);
        expect(untaught, `${where} seed ${seed} ${JSON.stringify(v.params)}`).toBeUndefined();
      }
    }
  });
  it("speaks one vocabulary in cards and exercises: the deck's English terms, not translations", () => {
    // The cards write convolution, receptive field, dilation, transition layer…; a Korean exercise
    // variant must not switch to translated or transliterated terms for the same things.
    const translated =
      /합성곱|수용 영역|팽창|전이 층|상호상관|특징 맵|덴스 블록|병목 블록|단축 경로|배치 정규화|성장률|압축률|완전 연결|편향|곱-누산|채널|커널|스트라이드|패딩|파라미터|필터|풀링/;
    for (const card of cards) {
      const g = toGoldenCard(card);
      expect(`${g.front}\n${g.back}`).not.toMatch(translated);
      if (card.kind !== "exercise") continue;
      for (let seed = 1; seed <= 40; seed++) {
        const v = generateExercise(card.generator, { seed, lang: "ko", ranges: card.params });
        const title = getGeneratorInfo(card.generator)?.title.ko ?? "";
        const text = [title, v.question, v.answerFormat, v.solution];
        for (const m of v.mistakes ?? []) text.push(m.message);
        expect(text.join("\n"), `${card.generator} seed ${seed}`).not.toMatch(translated);
      }
    }
  });
});
