/** The convolution operation itself: a 1-D discrete convolution value, 2-D convolution vs correlation. */
import type { TParamRanges } from "../../exercises/contract.ts";
import { choices, put } from "./choice-ranges.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";

/** Σ f(i) g(t − i) in any spelling: \sum_i f[i]g[n-i], sum over τ of f(τ)g(t−τ). */
const DISCRETE_SUM =
  /(?:\\sum|σ|∑|sum)[^$\n]{0,60}?f\s*[([]\s*[a-zτ\\]+[^)\]]*[)\]]\s*[·*]?\s*g\s*[([]\s*[a-z]+\s*-/;
/** (I*K)(i, j) = ΣΣ I(m, n) K(i − m, j − n) and its variants. */
const IMAGE_SUM = /(?:\\sum|∑|σ|sum)[^$\n]{0,20}(?:\\sum|∑|σ|sum)[^$\n]{0,40}?[ik]\s*\(\s*[a-z]/;
/** A sequence such as f = (1, 2, 3) or g = [2, -1, 0]. */
const SEQUENCE =
  /\b([fgx]|kernel|input|signal|커널|입력)\s*=\s*[([]\s*-?\d+(?:\s*,\s*-?\d+){1,7}\s*[)\]]/g;

export const conv1dValue: ExerciseRecogniser = {
  generator: "conv1d-value",
  propose(f) {
    const sequences = [...f.text.matchAll(SEQUENCE)].map((m) =>
      (m[0].split("=")[1]!.match(/-?\d+/g) ?? []).map(Number),
    );
    const topic = f.has(/convol|합성곱|컨볼루션|콘볼루션/);
    if (!topic || (!f.has(DISCRETE_SUM) && sequences.length < 2)) return undefined;
    if (f.has(IMAGE_SUM) && !f.has(/discrete|이산|1-?d|1차원/)) return undefined;
    const ranges: TParamRanges = {};
    const [a, b] = sequences;
    if (a && b) {
      put(ranges, "length_f", choices([a.length], [3], { min: 1, max: 8 }, 2));
      put(ranges, "length_g", choices([b.length], [4], { min: 1, max: 8 }, 2));
      const top = Math.max(...a.concat(b).map(Math.abs));
      put(ranges, "max_abs", choices([top], [3], { min: 1, max: 9 }, 2));
    }
    return ranges;
  },
};

export const convVsCorrelation: ExerciseRecogniser = {
  generator: "conv-vs-correlation",
  propose(f) {
    const image = f.has(IMAGE_SUM) || f.has(/\(\s*i\s*\*\s*k\s*\)\s*\(\s*i\s*,\s*j\s*\)/);
    const flip = f.has(/cross[- ]?correlation|상호 ?상관/) && f.has(/flip|뒤집|180|회전|rotat/);
    if (!image && !flip) return undefined;
    return {};
  },
};

export const CONVOLUTION_RECOGNISERS = [conv1dValue, convVsCorrelation];
