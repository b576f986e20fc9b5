/**
 * Optimizer computations: Adam's bias correction. A section states it when it divides by
 * 1 − β1^t (in symbols or with β1's value) in a section about Adam; the note's β1 and step become
 * one variant.
 */
import type { TParamRanges } from "../../exercises/contract.ts";
import { ADAM_BETA1 } from "../../exercises/generators/optimizer.ts";
import { choices, put } from "./choice-ranges.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";

const ADAM = /\badam\b|아담/;
/** 1 − β1^t, 1 - beta_1^t, 1 − β₁ᵗ (NFKC: "β1t"), 1 − 0.9^3. */
const CORRECTION =
  /1\s*[-−–]\s*(?:(?:\\beta|β|beta|b)\s*_?\s*\{?\s*1\s*\}?\s*\^?\s*\{?\s*(?:t|\d+)\b|0?\.\d+\s*\^\s*\{?\s*(?:t|\d+))/;
/** The corrected moment named: m̂, \hat{m}, m_hat, or in words. */
const CORRECTED =
  /m̂|\\hat\s*\{?\s*m|m_?hat|bias[- ]correct|편향 ?보정|바이어스 ?보정|bias ?보정|보정된/;

export const adamBiasCorrection: ExerciseRecogniser = {
  generator: "adam-bias-correction",
  propose(f) {
    if (!f.has(ADAM) || !f.has(CORRECTION) || !f.has(CORRECTED)) return undefined;
    const beta1 = f
      .after("β\\s*_?\\{?1\\}?|\\\\beta\\s*_\\{?1\\}?|beta_?1|betas\\s*=\\s*\\(")
      .concat([...f.text.matchAll(/1\s*[-−–]\s*(0?\.\d+)\s*\^/g)].map((m) => Number(m[1])))
      .map(String)
      .filter((b): b is (typeof ADAM_BETA1)[number] =>
        (ADAM_BETA1 as readonly string[]).includes(b),
      );
    const steps = f.after("\\bt|steps?|스텝|단계").filter((t) => Number.isInteger(t));
    const ranges: TParamRanges = {};
    if (beta1.length > 0) ranges.beta1 = [...new Set([...beta1, "0.9", "0.8"])].slice(0, 3);
    put(ranges, "step", choices(steps, [2, 3], { min: 1, max: 6 }, 3));
    return ranges;
  },
};

export const OPTIMIZER_RECOGNISERS = [adamBiasCorrection];
