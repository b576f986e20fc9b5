/**
 * Every proposed exercise card is a valid card whose ranges the exercise engine accepts, and every
 * variant those ranges can draw generates: many seeds per proposal, in the card's language, with
 * finite answers. Checked on the fixture notes and on notes filled with random numbers, since a
 * learner's note may state any size, stride or channel count.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExpectedAnswer } from "../../exercises/contract.ts";
import { generateExercise } from "../../exercises/index.ts";
import { createRng } from "../../exercises/prng.ts";
import { readExerciseBlock } from "../exercise-block.ts";
import { parseNote } from "../parse-note.ts";
import { type TExerciseCard, ZExerciseCard } from "../schema.ts";

const SEEDS = 60;

function finite(expected: ExpectedAnswer): boolean {
  switch (expected.kind) {
    case "integer":
    case "float":
      return Number.isFinite(expected.value);
    case "shape":
      return expected.dims.every((d) => Number.isInteger(d) && d >= 1);
    case "integers":
      return expected.values.every(Number.isFinite);
  }
}

function expectAllVariantsValid(card: TExerciseCard, seeds = SEEDS): void {
  expect(ZExerciseCard.safeParse(card).success).toBe(true);
  // The same check a hand-written exercise block gets: known generator, known parameters.
  const block = readExerciseBlock(
    JSON.stringify({ generator: card.generator, params: card.params }),
  );
  expect(block.ok, JSON.stringify(block)).toBe(true);
  const lang = card.lang === "en" ? "en" : "ko";
  for (let seed = 1; seed <= seeds; seed++) {
    const where = `${card.generator} ${JSON.stringify(card.params)} seed ${seed}`;
    const v = generateExercise(card.generator, { seed, lang, ranges: card.params });
    expect(v.answer, where).not.toBe("");
    expect(finite(v.expected), where).toBe(true);
  }
}

const exercisesOf = (text: string, file: string) =>
  parseNote({ text, file }).cards.filter((c): c is TExerciseCard => c.kind === "exercise");

describe("proposals from the fixture notes", () => {
  const dir = join(import.meta.dirname, "fixtures");
  const cards = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .flatMap((f) => exercisesOf(readFileSync(join(dir, f), "utf8"), f));

  it("are many, and each generates for every seed", () => {
    expect(cards.length).toBeGreaterThanOrEqual(20);
    for (const card of cards) expectAllVariantsValid(card);
  });
});

describe("a pooling window above the generator's usual strides", () => {
  it.each([5, 6, 7])("a window of side %i with no stride written proposes its own stride", (k) => {
    const cards = exercisesOf(
      `## Pooling\n\nA ${k}x${k} max pooling takes ${12 * k}x${12 * k} to 12x12.\n`,
      "pool.md",
    ).filter((c) => c.generator === "pool-output-shape");
    expect(cards).toHaveLength(1);
    expect(cards[0]!.params.stride).toContain(k);
    expectAllVariantsValid(cards[0]!);
  });
});

/** Sections in the shapes notes use, with random numbers (some beyond what generators accept). */
const TEMPLATES: ((n: () => number, k: () => number) => string)[] = [
  (n, k) =>
    `출력 크기 $(N - F + 2P)/S + 1$: ${n()}x${n()} 입력, ${k()}x${k()} 필터, stride ${k()}, padding ${k()}`,
  (n, k) =>
    `Output size: a ${n()}x${n()}x${k()} input, ${k()}x${k()} kernel, stride ${k()} gives ${n()}x${n()}x${n()}`,
  (n, k) => `합성곱 파라미터: $${k()} \\times ${k()} \\times ${n()} \\times ${n()} = ${n() * n()}$`,
  (n, k) => `Conv parameters with bias: ${k()}x${k()}x${n()}x${n()} = ${n()}, ${n()} channels`,
  (n, k) =>
    `MACs of a conv: ${n()}x${n()}x${n()} input, ${n()} channels, ${k()}x${k()} kernel, stride ${k()}`,
  (n, k) => `${k()}x${k()} max pooling, stride ${k()}: ${n()}x${n()} → ${n()}x${n()}`,
  (_n, k) => `수용 영역: ${k()}x${k()} 합성곱 ${k()}층, $r = 1 + \\sum (k_i - 1)$`,
  (n, k) =>
    `Transposed conv: $(H - 1) \\cdot s - 2p + k$, stride ${k()}, ${k()}x${k()} map, ${n()} classes`,
  (n, k) =>
    `VGG: ${k() > 4 ? 3 : 2} stacked 3x3 convs vs one ${k() > 4 ? 7 : 5}x${k() > 4 ? 7 : 5}, C = ${n()} channels, fewer parameters`,
  (n, k) =>
    `Inception 1x1 bottleneck reduces ${n()} channels to ${n()} channels before a ${k()}x${k()} conv to ${n()} channels on ${n()}x${n()}: saves parameters`,
  (n) =>
    `Inception module: branches concatenated, ${n()} + ${n()} + ${n()} + ${n()} = ${n()} channels`,
  (n, k) =>
    `ResNet residual block $F(x) + x$, ${n()} channels, stride ${k()}, bottleneck 1x1 3x3 parameters`,
  (n, k) =>
    `DenseNet growth rate k = ${k()}, $k_0$ = ${n()}, L = ${k()} layers, θ = 0.${k()}, transition 1x1`,
  (n, k) =>
    `FC layer on a ${k()}x${k()}x${n()} map becomes a ${k()}x${k()} conv with ${n()} filters`,
  (n) =>
    `이산 합성곱 $\\sum_i f(i) g(t - i)$, f = (${n() % 12}, ${-n() % 12}, 1), g = (2, ${n() % 12})`,
  (n) =>
    `IoU = intersection / union, A = (${n()}, ${n()}, ${n()}, ${n()}), B = (0, 0, ${n()}, ${n()})`,
  (n, k) => `RPN anchors: ${k()} scales × ${k()} aspect ratios on a ${n()}x${n()} image`,
  (n, k) => `SPP with ${k()}x${k()}, ${k()}x${k()}, 1x1 bins, fixed length, ${n()} channels`,
  (n, k) => `RoI pooling into ${k()}x${k()}, ${n()} channels, ${n()} RoIs`,
  (n, k) =>
    `LSTM 파라미터 수 = 4 × (h(h + x) + h), hidden size = ${n()}, input size = ${n()}, ${k()} layers`,
  (n, k) =>
    `\`nn.GRU(${n()}, ${n()}, num_layers=${k()}, bidirectional=True)\` has ${n()} parameters`,
  (n) =>
    `Multi-head attention: d_model = ${n()}, ${n()} heads, d_k = ${n()}, ${n()} / ${n()} = ${n()}`,
  (n) => `Multi-head attention parameters: $4d^2 + 4d$, d_model = ${n()}, num_heads = ${n()}`,
  (n, k) =>
    `Adam bias correction: m̂ = m_t / (1 − β1^t), β1 = 0.${k()}, t = ${n()}, 1 - 0.${n()}^${k()}`,
  (n, k) =>
    `Precision = TP / (TP + FP), TP = ${k()}, FP = ${n()}, FN = ${k()}, TN = ${n()}, F1 = 2PR/(P+R)`,
];

describe("proposals from notes with random numbers", () => {
  it("never give ranges a generator rejects", () => {
    const rng = createRng(2026);
    let proposals = 0;
    for (let round = 0; round < 12; round++) {
      const n = () =>
        rng.pick([1, 2, 3, 7, 13, 16, 28, 32, 56, 64, 100, 128, 224, 256, 512, 1000, 4096, 9999]);
      const k = () => rng.int(0, 12);
      const sections = TEMPLATES.map((tpl, i) => `## Section ${i}\n\n${tpl(n, k)}\n`);
      for (const card of exercisesOf(sections.join("\n"), `random-${round}.md`)) {
        proposals++;
        expectAllVariantsValid(card, 8);
      }
    }
    expect(proposals).toBeGreaterThan(12 * 14);
  });
});
