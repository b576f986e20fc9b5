/** Exercises on the convolution operation itself: 1-D discrete convolution, 2-D convolution vs cross-correlation. */
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { texParen } from "../number-format.ts";

/** (f*g)(t) = Σ_τ f(τ) g(t−τ), sequences indexed from 0, zero outside. */
export function discreteConvolution(
  f: readonly number[],
  g: readonly number[],
  at: number,
): number {
  let sum = 0;
  for (let tau = 0; tau < f.length; tau++) {
    const j = at - tau;
    if (j >= 0 && j < g.length) sum += f[tau]! * g[j]!;
  }
  return sum;
}

/** Cross-correlation (f⋆g)(t) = Σ_τ f(τ) g(t+τ) — what deep-learning "convolution" computes. */
export function discreteCorrelation(
  f: readonly number[],
  g: readonly number[],
  at: number,
): number {
  let sum = 0;
  for (let tau = 0; tau < f.length; tau++) {
    const j = at + tau;
    if (j >= 0 && j < g.length) sum += f[tau]! * g[j]!;
  }
  return sum;
}

const seq = (xs: readonly number[]) => `(${xs.join(", ")})`;

export const conv1dValue: GeneratorDef = {
  info: {
    name: "conv1d-value",
    topic: "Convolution",
    title: { ko: "Discrete 1-D convolution 값", en: "Discrete 1-D convolution value" },
    params: ["length_f", "length_g", "max_abs"],
  },
  generate(d, lang) {
    const nf = d.int("length_f", { min: 1, max: 8, choices: [3, 3, 4] });
    const ng = d.int("length_g", { min: 1, max: 8, choices: [3, 4, 5] });
    const m = d.int("max_abs", { min: 1, max: 9, choices: [3, 4] });
    const draw = () => d.rng.int(-m, m);
    const f = Array.from({ length: nf }, draw);
    const g = Array.from({ length: ng }, draw);
    const at = d.rng.int(1, nf + ng - 3);
    const value = discreteConvolution(f, g, at);
    const terms: string[] = [];
    for (let tau = 0; tau < nf; tau++) {
      const j = at - tau;
      if (j >= 0 && j < ng) terms.push(`f(${tau})\\,g(${j})`);
    }
    const nums: string[] = [];
    for (let tau = 0; tau < nf; tau++) {
      const j = at - tau;
      if (j >= 0 && j < ng) nums.push(`${texParen(f[tau]!)}\\cdot ${texParen(g[j]!)}`);
    }
    if (terms.length < 2) return null;
    const corr = discreteCorrelation(f, g, at);
    const expected = { kind: "integer" as const, value };
    return {
      params: { f, g, t: at },
      question: t(
        lang,
        `$f = ${seq(f)}$, $g = ${seq(g)}$ (둘 다 index 0부터, 범위 밖은 0)일 때 $(f*g)(${at})$의 값은?`,
        `Let $f = ${seq(f)}$ and $g = ${seq(g)}$ (both indexed from 0, zero elsewhere). What is $(f*g)(${at})$?`,
      ),
      answerFormat: t(lang, "정수 하나 (음수 가능)", "One integer (may be negative)"),
      answer: String(value),
      solution: [
        `$$(f*g)(t) = \\sum_{\\tau} f(\\tau)\\, g(t-\\tau)$$`,
        `$$(f*g)(${at}) = ${terms.join(" + ")} = ${nums.join(" + ")} = ${value}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "correlation_instead",
          message: t(
            lang,
            "$g$를 뒤집지 않았습니다 (cross-correlation을 계산함).",
            "You did not flip $g$ (that is cross-correlation).",
          ),
          expected: { kind: "integer", value: corr },
        },
        {
          code: "off_by_one",
          message: t(lang, "Index가 하나 어긋났습니다.", "Your index is off by one."),
          expected: { kind: "integer", value: discreteConvolution(f, g, at + 1) },
        },
      ]),
    };
  },
};

export const convVsCorrelation: GeneratorDef = {
  info: {
    name: "conv-vs-correlation",
    topic: "Convolution",
    title: {
      ko: "2-D convolution vs cross-correlation (한 pixel)",
      en: "2-D convolution vs cross-correlation at one pixel",
    },
    params: ["size", "max_abs"],
  },
  generate(d, lang) {
    const n = d.int("size", { min: 3, max: 7, choices: [4, 5] });
    const m = d.int("max_abs", { min: 1, max: 9, choices: [2, 3] });
    const img = Array.from({ length: n }, () =>
      Array.from({ length: n }, () => d.rng.int(0, m + 2)),
    );
    const ker = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => d.rng.int(-m, m)));
    const i = d.rng.int(1, n - 2);
    const j = d.rng.int(1, n - 2);
    let conv = 0;
    let corr = 0;
    const convTerms: string[] = [];
    const corrTerms: string[] = [];
    for (let u = -1; u <= 1; u++) {
      for (let v = -1; v <= 1; v++) {
        const k = ker[u + 1]![v + 1]!;
        corr += img[i + u]![j + v]! * k;
        conv += img[i - u]![j - v]! * k;
        corrTerms.push(`${img[i + u]![j + v]}\\cdot ${texParen(k)}`);
        convTerms.push(`${img[i - u]![j - v]}\\cdot ${texParen(k)}`);
      }
    }
    if (conv === corr) return null;
    const matrix = (a: number[][]) =>
      `\\begin{pmatrix} ${a.map((r) => r.join(" & ")).join(" \\\\ ")} \\end{pmatrix}`;
    const expected = { kind: "integers" as const, values: [conv, corr] };
    return {
      params: { image: img.flat(), kernel: ker.flat(), row: i, col: j },
      question: t(
        lang,
        `이미지 $I = ${matrix(img)}$와 kernel $K = ${matrix(ker)}$ (중심이 $K(0,0)$, index $-1..1$)가 있습니다. 행 ${i}, 열 ${j} (0부터)에서 (1) convolution $(I*K)(${i},${j})$과 (2) cross-correlation $(I\\star K)(${i},${j})$의 값은?`,
        `Image $I = ${matrix(img)}$ and kernel $K = ${matrix(ker)}$ (centre $K(0,0)$, indices $-1..1$). At row ${i}, column ${j} (from 0), give (1) the convolution $(I*K)(${i},${j})$ and (2) the cross-correlation $(I\\star K)(${i},${j})$.`,
      ),
      answerFormat: t(
        lang,
        "정수 2개를 세미콜론으로 구분 (convolution; cross-correlation)",
        "2 integers separated by a semicolon (convolution; correlation)",
      ),
      answer: `${conv}; ${corr}`,
      solution: [
        t(
          lang,
          "Convolution은 kernel을 180° 뒤집어 적용하고, cross-correlation(딥러닝의 Conv2d)은 뒤집지 않습니다.",
          "Convolution flips the kernel by 180°; cross-correlation (deep learning's Conv2d) does not:",
        ),
        `$$(I*K)(i,j) = \\sum_{u,v} I(i-u,\\, j-v)\\, K(u,v) = ${convTerms.join(" + ")} = ${conv}$$`,
        `$$(I\\star K)(i,j) = \\sum_{u,v} I(i+u,\\, j+v)\\, K(u,v) = ${corrTerms.join(" + ")} = ${corr}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "swapped",
          message: t(
            lang,
            "두 값이 바뀌었습니다: convolution이 kernel을 뒤집습니다.",
            "Swapped: convolution is the one that flips the kernel.",
          ),
          expected: { kind: "integers", values: [corr, conv] },
        },
        {
          code: "no_flip",
          message: t(
            lang,
            "Convolution에서 kernel을 뒤집지 않았습니다.",
            "You did not flip the kernel for the convolution.",
          ),
          expected: { kind: "integers", values: [corr, corr] },
        },
      ]),
    };
  },
};
