/**
 * precision-recall against independent answers: fixtures/precision-recall-torch.json holds 80
 * variants whose metric PyTorch counted back from label and prediction tensors built from the
 * counts (fixtures/precision-recall-oracle.py; UPDATE_GOLDEN=1 redraws the rows and asks it again).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAnswer } from "../answer-check.ts";
import type { TParamRanges } from "../contract.ts";
import { generateExercise } from "../registry.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const TABLE = join(FIXTURES, "precision-recall-torch.json");
const WIDE: TParamRanges = {
  tp: { min: 1, max: 5000 },
  fp: { min: 0, max: 5000 },
  fn: { min: 0, max: 5000 },
};

interface Row {
  seed: number;
  wide: boolean;
  metric: string;
  tp: number;
  fp: number;
  fn: number;
  tn?: number;
  value: number;
}

const variant = (seed: number, wide: boolean, lang: "ko" | "en" = "en") =>
  generateExercise("precision-recall", { seed, lang, ...(wide ? { ranges: WIDE } : {}) });

if (process.env.UPDATE_GOLDEN === "1") {
  const rows = Array.from({ length: 80 }, (_, seed) => ({
    seed,
    wide: seed >= 60,
    ...variant(seed, seed >= 60).params,
  }));
  const run = spawnSync(
    process.env.TORCH_PYTHON ?? "/usr/bin/python3",
    [join(FIXTURES, "precision-recall-oracle.py")],
    { input: JSON.stringify(rows), encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`);
  writeFileSync(TABLE, run.stdout);
}

const stored = JSON.parse(readFileSync(TABLE, "utf8")) as Row[];

describe("precision-recall against PyTorch's stored counts", () => {
  it("the table covers every metric, with and without TN", () => {
    expect(new Set(stored.map((r) => r.metric))).toEqual(
      new Set(["precision", "recall", "f1", "accuracy"]),
    );
    expect(stored.some((r) => r.tn !== undefined && r.metric !== "accuracy")).toBe(true);
    expect(stored.some((r) => r.tn === undefined)).toBe(true);
    expect(stored.some((r) => r.tp > 1000)).toBe(true);
  });

  it("every stored variant is drawn again with the same counts and PyTorch's answer", () => {
    for (const r of stored) {
      const v = variant(r.seed, r.wide);
      const { value, seed, wide, ...params } = r;
      expect(v.params, `seed ${seed}`).toEqual(params);
      expect(v.expected.kind === "float" ? v.expected.value : Number.NaN).toBeCloseTo(value, 12);
      // The shown three-decimal answer is accepted, and so is the percentage.
      expect(checkAnswer(v.expected, v.answer).correct).toBe(true);
      expect(checkAnswer(v.expected, `${(value * 100).toFixed(1)}%`).correct).toBe(true);
    }
  });
});

describe("precision-recall's named mistakes", () => {
  it("each is recognised from its own value, never from the answer", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 400; seed++) {
      const v = variant(seed, false);
      for (const m of v.mistakes ?? []) {
        seen.add(m.code);
        const wrong = m.expected.kind === "float" ? m.expected.value : Number.NaN;
        const check = checkAnswer(v.expected, wrong.toFixed(4), v.mistakes);
        expect(check.correct, `${seed} ${m.code}`).toBe(false);
        expect(check.mistake?.code, `${seed} ${m.code}`).toBe(m.code);
      }
    }
    expect([...seen].sort()).toEqual(
      [
        "precision_recall_swapped",
        "fn_in_precision",
        "false_discovery_rate",
        "fp_in_recall",
        "miss_rate",
        "f1_arithmetic_mean",
        "f1_factor_two_missing",
        "f1_tp_not_doubled",
        "tn_ignored",
        "accuracy_is_precision",
      ].sort(),
    );
  });

  it("F1 as the arithmetic mean is named (TP 8, FP 2, FN 4: 0.733 instead of 0.727)", () => {
    const v = generateExercise("precision-recall", {
      seed: 1,
      lang: "en",
      ranges: { metric: "f1", tp: 8, fp: 2, fn: 4 },
    });
    expect(v.answer).toBe("0.727");
    // 0.733 is within 2 × 0.005 of 0.727: too close to tell apart, so it is not named there.
    expect(v.mistakes?.map((m) => m.code)).not.toContain("f1_arithmetic_mean");
    const w = generateExercise("precision-recall", {
      seed: 1,
      lang: "ko",
      ranges: { metric: "f1", tp: 9, fp: 1, fn: 21 },
    });
    const check = checkAnswer(w.expected, "0.6", w.mistakes, "ko");
    expect(check.mistake?.code).toBe("f1_arithmetic_mean");
    expect(check.mistake?.message).toContain("조화 평균");
  });
});

describe("precision-recall in Korean", () => {
  it("each metric's name takes the particle its last syllable needs (재현율은, 정밀도는)", () => {
    const ask = (metric: string) =>
      generateExercise("precision-recall", { seed: 5, lang: "ko", ranges: { metric, tn: 40 } });
    expect(ask("recall").question).toMatch(/재현율\(recall\)은\?$/);
    expect(ask("precision").question).toMatch(/정밀도\(precision\)는\?$/);
    expect(ask("accuracy").question).toMatch(/정확도\(accuracy\)는\?$/);
    // An unused TN is named without a particle that depends on how the number is read.
    const unused = Array.from({ length: 40 }, (_, seed) =>
      generateExercise("precision-recall", { seed, lang: "ko", ranges: { metric: "recall" } }),
    ).find((v) => v.params?.tn !== undefined);
    expect(unused?.solution).toContain(`TN 값(${unused?.params?.tn})은 쓰이지 않습니다`);
  });
});
