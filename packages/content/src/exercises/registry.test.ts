import katex from "katex";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { ExerciseVariant } from "./contract.ts";
import {
  checkExerciseAnswer,
  generateExercise,
  getGeneratorInfo,
  listGenerators,
} from "./registry.ts";

const NAMES = [
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
  "rnn-params",
  "multihead-attention",
  "adam-bias-correction",
  "precision-recall",
];

function mathOf(markdown: string): string[] {
  const out: string[] = [];
  const rest = markdown.replace(/\$\$([\s\S]+?)\$\$/g, (_m, tex: string) => {
    out.push(tex);
    return " ";
  });
  for (const m of rest.matchAll(/\$([^$]+)\$/g)) out.push(m[1]!);
  return out;
}

describe("exercise registry", () => {
  it("lists exactly the agreed generators, each with a topic and both titles", () => {
    expect(listGenerators().map((g) => g.name)).toEqual(NAMES);
    for (const g of listGenerators()) {
      expect(g.topic).not.toBe("");
      expect(g.title.ko).not.toBe("");
      expect(g.title.en).not.toBe("");
      expect(getGeneratorInfo(g.name)).toBe(g);
    }
  });

  it.each(NAMES)("%s: seeded, varied, self-consistent, valid KaTeX in both languages", (name) => {
    const questions = new Set<string>();
    for (let seed = 0; seed < 150; seed++) {
      const en = generateExercise(name, { seed, lang: "en" });
      const ko = generateExercise(name, { seed, lang: "ko" });
      expect(generateExercise(name, { seed, lang: "en" })).toEqual(en);
      expect(ko.expected).toEqual(en.expected);
      expect(ko.answer).toEqual(en.answer);
      expect(ko.question).toMatch(/[가-힣]/);
      questions.add(en.question);
      for (const v of [en, ko] as ExerciseVariant[]) {
        expect(v.solution).toContain("$$");
        // The displayed answer is accepted by the checker; no recognised mistake is the answer.
        const answer = v.answer.replace(/ \(.*\)$/, "");
        expect(checkExerciseAnswer(v, answer).correct, `${name} seed ${seed}: ${v.answer}`).toBe(
          true,
        );
        for (const m of v.mistakes ?? []) {
          expect(m.expected).not.toEqual(v.expected);
        }
        for (const tex of [...mathOf(v.question), ...mathOf(v.solution)]) {
          expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
        }
      }
    }
    expect(questions.size).toBeGreaterThan(25);
  });

  it("recognises a mistake answer as wrong and names it", () => {
    let named = 0;
    for (const name of NAMES) {
      for (let seed = 0; seed < 20; seed++) {
        const v = generateExercise(name, { seed, lang: "en" });
        for (const m of v.mistakes ?? []) {
          const given =
            m.expected.kind === "integer"
              ? String(m.expected.value)
              : m.expected.kind === "shape"
                ? m.expected.dims.join("x")
                : m.expected.kind === "integers"
                  ? m.expected.values.join("; ")
                  : m.expected.value.toFixed(4);
          const r = checkExerciseAnswer(v, given);
          expect(r.correct).toBe(false);
          if (r.mistake) named++;
        }
      }
    }
    expect(named).toBeGreaterThan(300);
  });

  it("honours authors' ranges and rejects bad ones naming the field", () => {
    for (let seed = 0; seed < 30; seed++) {
      const v = generateExercise("conv-params", {
        seed,
        lang: "en",
        ranges: { kernel: 3, in_channels: [64, 128] },
      });
      expect(v.params?.kernel).toBe(3);
      expect([64, 128]).toContain(v.params?.in_channels);
    }
    const bad = (ranges: Record<string, unknown>) => {
      try {
        generateExercise("conv-params", { seed: 1, lang: "en", ranges: ranges as never });
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe("BAD_INPUT");
        return (e as AppError).field;
      }
      return undefined;
    };
    expect(bad({ kernal: 3 })).toBe("ranges.kernal");
    expect(bad({ kernel: 0 })).toBe("ranges.kernel");
    expect(bad({ kernel: 2.5 })).toBe("ranges.kernel");
    expect(bad({ kernel: { min: 5, max: 3 } })).toBe("ranges.kernel");
    expect(bad({ groups: "7" })).toBe("ranges.groups");
    expect(() => generateExercise("nope", { seed: 1, lang: "en" })).toThrow(AppError);
  });
});
