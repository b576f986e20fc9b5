import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateExercise, listGenerators } from "../exercises/index.ts";
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
    ["DenseNet transition block", /Transition block의 순서/],
    ["key takeaways", /Key takeaways/],
    ["convolutionalization", /Convolutionalization/],
    ["deconvolution", /Deconvolution \(transposed convolution\)/],
    ["skip architecture", /Skip architecture \(FCN\)/],
    ["R-CNN", /R-CNN의 파이프라인/],
    ["SPPNet", /SPPNet의 핵심/],
    ["Fast R-CNN", /Fast R-CNN의 개선점/],
    ["Faster R-CNN", /Faster R-CNN의 핵심/],
  ])("covers %s", (_topic, pattern) => {
    expect(about(pattern).length).toBeGreaterThan(0);
  });

  it("states what is correct where the seed note is imprecise", () => {
    expect(about(/cross-correlation — kernel을 뒤집지 않고/)).toHaveLength(1);
    expect(about(/\*\*선형으로\*\* 늘어난다/)).toHaveLength(1);
    expect(about(/약 70%가 줄어든다/)).toHaveLength(1);
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
});
