/**
 * Runs the importer on the real learner's note the project started from, kept outside the repo at
 * ../shared/notes/day13-dl-basic.md (relative to the repository root; CI has it at the same place).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { toGoldenCard } from "./golden-card.ts";
import { parseNote } from "./parse-note.ts";
import type { TCard } from "./schema.ts";

const repoRoot = join(import.meta.dirname, "../../../..");
const seedPath = join(repoRoot, "../shared/notes/day13-dl-basic.md");
const seedPresent = existsSync(seedPath);
const skipReason = `seed note absent: ${seedPath} (the shared notes folder sits next to the repository in CI and on the team's machines)`;
if (!seedPresent) console.warn(`skipping the seed-note tests: ${skipReason}`);

function importSeed() {
  return parseNote({
    text: readFileSync(seedPath, "utf8"),
    file: relative(repoRoot, seedPath),
    resolveImage: (path) => existsSync(join(repoRoot, path)),
  });
}

const text = (card: TCard) => {
  const g = toGoldenCard(card);
  return `${g.context}\n${g.front}\n${g.back}`;
};

describe.skipIf(!seedPresent)("the seed note ../shared/notes/day13-dl-basic.md", () => {
  // Vitest collects a skipped describe too: without the note, an empty one (no test runs).
  const result = seedPresent ? importSeed() : parseNote({ text: "", file: "absent.md" });
  const cardsAbout = (pattern: RegExp) => result.cards.filter((c) => pattern.test(text(c)));

  it("imports with zero errors", () => {
    expect(result.errors).toEqual([]);
    expect(result.cards.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ["continuous convolution", /Continuous convolution/],
    ["discrete convolution", /Discrete convolution/],
    ["2-D convolution", /2D image convolution/],
    ["CNN layers and their roles", /feature extraction|decision making/],
    ["pooling", /pooling/i],
    ["AlexNet", /AlexNet/],
    ["ReLU", /ReLU/],
    ["VGG", /VGG/],
    ["GoogLeNet / inception", /GoogLeNet|Inception/i],
    ["1×1 convolution", /1X1 convolution|1 \\times 1/],
    ["ResNet", /ResNet/],
    ["skip connection", /skip[- ]conn/i],
    ["batch norm", /Batch normalization/i],
    ["DenseNet dense block", /Dense Block/],
    ["DenseNet transition block", /Transition Block/],
    ["key takeaways", /Key takeaways/],
    ["semantic segmentation", /Semantic Segmentation/],
    ["convolutionalization", /Convolutionalization/],
    ["deconvolution", /Deconvolution/],
    ["skip architecture", /Skip architecture/i],
    ["detection", /R-CNN.*SPPNet.*Fast R-CNN.*Faster R-CNN/],
  ])("has cards about %s", (_name, pattern) => {
    expect(cardsAbout(pattern).length).toBeGreaterThan(0);
  });

  it("makes the cards a learner expects, as written", () => {
    const golden = result.cards.map(toGoldenCard);
    expect(golden).toContainEqual({
      kind: "listRecall",
      context: "여러가지 CNN › AlexNet › Key ideas",
      front: "AlexNet: Key ideas(왜 성공했을까?) — name all 5",
      back: "Rectified Linear Unit(ReLU) activation(Non-linear)의 사용 | GPU implementation(2 GPUs) | Local response normalization, Overlapping pooling | Data augmentation | Dropout",
    });
    expect(golden).toContainEqual({
      kind: "basic",
      context: "여러가지 CNN › VGGNet",
      // The question names its model: the id still comes from the question as written.
      front: "VGGNet: Why $3 \\times 3$ convolution?",
      back: "$3 \\times 3$ 으로 세번 컨볼루션 하는것이 $7 \\times 7$로 한번 컨볼루션 하는것보다 가중치가 적게 든다.",
    });
    expect(golden).toContainEqual({
      kind: "listRecall",
      context: "Detection",
      front: "Detection: name all 4",
      back: "R-CNN | SPPNet | Fast R-CNN | Faster R-CNN",
    });
    expect(golden).toContainEqual({
      kind: "listRecall",
      context: "Semantic Segmentation",
      front: "Semantic Segmentation은 크게 세가지 과정으로 표현된다.",
      back: "Convolutionalization | Deconvolution(Upsampling) | Skip architecture",
    });
    expect(golden).toContainEqual({
      kind: "basic",
      context: "여러가지 CNN › GoogLeNet › Inception Block",
      front: "What are the benefits of the inception block?",
      back: "Reduce the number of parameter.",
    });
    const takeaways = golden.filter((g) => g.context.endsWith("Key takeaways"));
    expect(takeaways.map((g) => [g.front, g.back])).toEqual([
      ["VGG", "repeated $3 \\times 3$ blocks"],
      ["Key takeaways — which one: repeated $3 \\times 3$ blocks?", "VGG"],
      ["GooLeNet", "$1 \\times 1$ convolution"],
      ["Key takeaways — which one: $1 \\times 1$ convolution?", "GooLeNet"],
      ["ResNet", "skip-connetion"],
      ["Key takeaways — which one: skip-connetion?", "ResNet"],
      ["DenseNet", "concatenation"],
      ["Key takeaways — which one: concatenation?", "DenseNet"],
    ]);
  });

  it("keeps Korean text intact and labels languages", () => {
    const relu = result.cards.find((c) => c.kind === "listRecall" && c.front.startsWith("AlexNet"));
    expect(relu?.kind === "listRecall" && relu.items[0]?.detail).toBe(
      "0보다 클 때의 기울기가 1이기 때문에 layer가 깊어졌을때 발생할 수 있는 기울기 손실등을 막을 수 있다.",
    );
    // The note mixes English terms into Korean prose: its cards are "en" or "mixed".
    expect(new Set(result.cards.map((c) => c.lang))).toEqual(new Set(["en", "mixed"]));
  });

  it("counts per kind, warnings and skips stay as reviewed", () => {
    // Exercise cards proposed from the note's text are counted by the proposer's own tests.
    const counts = Object.fromEntries(
      ["basic", "cloze", "listRecall"].map((k) => [
        k,
        result.cards.filter((c) => c.kind === k).length,
      ]),
    );
    expect(counts).toEqual({ basic: 31, cloze: 0, listRecall: 5 });
    expect(result.warnings.filter((w) => w.code === "image-missing")).toHaveLength(9);
    expect(result.warnings.filter((w) => w.code === "indented-prose").map((w) => w.line)).toEqual([
      117,
    ]);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [121, "question-without-answer"],
      [133, "plain-statement"],
      [135, "plain-statement"],
      [207, "label-without-content"],
    ]);
  });

  it("asks the transition block's arrow chain as steps in order, not inside its Explain card", () => {
    const steps = result.cards.find(
      (c) => c.context.at(-1) === "Transition Block" && c.kind === "listRecall",
    );
    expect(
      steps?.kind === "listRecall" && [steps.front, steps.items.map((i) => i.text), steps.ordered],
    ).toEqual([
      "Transition Block: steps in order",
      ["BatchNorm", "$1 \\times 1$ Conv", "$2 \\times 2$ AvgPooling"],
      true,
    ]);
    const explain = result.cards.find(
      (c) => c.kind === "basic" && c.front === "Explain: Transition Block",
    );
    expect(explain?.kind === "basic" && explain.back).toBe("- Dimenstion reduction");
  });

  it("makes no cloze on a term the heading path shows (AlexNet under 'AlexNet')", () => {
    expect(result.cards.filter((c) => c.kind === "cloze")).toEqual([]);
    const alex = result.cards.find((c) => c.kind === "basic" && c.front === "Explain: AlexNet");
    expect(alex?.kind === "basic" && alex.back).toContain("AlexNet은 2012년 ILSVRC");
  });

  it("asks each fact once, without raw card syntax, and flags nothing on this note", () => {
    // VGGNet's question line is a card of its own, so the "Explain" card leaves it out.
    const vgg = result.cards.find((c) => c.kind === "basic" && c.front === "Explain: VGGNet");
    expect(vgg?.kind === "basic" && vgg.back).toContain("Dropout (p=0.5)");
    expect(vgg?.kind === "basic" && vgg.back).not.toContain("Why $3 \\times 3$");
    expect(
      result.cards.find((c) => c.kind === "basic" && c.front.startsWith("VGGNet: Why $3")),
    ).toBeDefined();
    // Its children with cards of their own (Key ideas, ReLU Activation) are left out too.
    const alex = result.cards.find((c) => c.kind === "basic" && c.front === "Explain: AlexNet");
    expect(alex?.kind === "basic" && alex.back).toContain("5개의 Convolution layer");
    expect(alex?.kind === "basic" && alex.back).not.toContain("GPU implementation");
    for (const card of result.cards) {
      const g = toGoldenCard(card);
      expect(`${g.front}\n${g.back}`).not.toMatch(/==>|\\#|\\$/m);
      expect(card.flags).toEqual([]);
    }
  });
});
