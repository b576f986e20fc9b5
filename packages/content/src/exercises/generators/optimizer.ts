/** Exercises on optimizers: Adam's bias-corrected first moment. */
import type { ExerciseMistake } from "../contract.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { texDecimal as dec } from "../number-format.ts";

/** β1 values a question may use (as written, so that choices and notes compare as text). */
export const ADAM_BETA1 = ["0.5", "0.8", "0.85", "0.9", "0.95", "0.99"] as const;
const TOLERANCE = 0.005;

/** Adam's first moment from m_0 = 0: every m_t, and the last one bias-corrected. */
export function adamFirstMoment(
  beta1: number,
  gradients: readonly number[],
): { m: number[]; mHat: number } {
  const m: number[] = [];
  let prev = 0;
  for (const g of gradients) {
    prev = beta1 * prev + (1 - beta1) * g;
    m.push(prev);
  }
  return { m, mHat: prev / (1 - beta1 ** gradients.length) };
}

const paren = (v: string) => (v.startsWith("-") ? `(${v})` : v);

export const adamBiasCorrection: GeneratorDef = {
  info: {
    name: "adam-bias-correction",
    topic: "Optimization",
    title: {
      ko: "Adam의 bias 보정된 1차 moment",
      en: "Adam's bias-corrected first moment",
    },
    params: ["beta1", "step", "gradients"],
  },
  generate(d, lang) {
    const beta1Text = d.choice("beta1", ADAM_BETA1, ["0.9", "0.9", "0.9", "0.8", "0.5"]);
    const steps = d.int("step", { min: 1, max: 6, choices: [1, 2, 2, 3, 3, 4] });
    const kind = d.choice("gradients", ["varying", "constant"], ["varying", "varying", "constant"]);
    const beta1 = Number(beta1Text);
    const first = d.rng.int(-3, 4) || 2;
    const gradients = Array.from({ length: steps }, (_, i) =>
      kind === "constant" || i === 0 ? first : d.rng.int(-3, 4),
    );
    // PyTorch divides by |g_t| in the same step; the oracle reads m̂ back through it.
    if (gradients[steps - 1] === 0) return null;
    const { m, mHat } = adamFirstMoment(beta1, gradients);
    const mt = m[steps - 1]!;
    const correction = 1 - beta1 ** steps;
    const value = Math.round(mHat * 1000) / 1000;
    const expected = { kind: "float" as const, value: mHat, tolerance: TOLERANCE };
    const float = (v: number) => ({ kind: "float" as const, value: v, tolerance: TOLERANCE });
    const wrong: ExerciseMistake[] = [
      {
        code: "not_corrected",
        message: t(
          lang,
          `$m_t$ 자체는 0에서 시작해 작게 치우쳐 있습니다: $1 - \\beta_1^t$로 나눠야 합니다.`,
          "$m_t$ itself is biased towards its zero start: divide it by $1 - \\beta_1^t$.",
        ),
        expected: float(mt),
      },
      {
        code: "divided_by_beta_power",
        message: t(
          lang,
          "$\\beta_1^t$가 아니라 $1 - \\beta_1^t$로 나눕니다.",
          "Divide by $1 - \\beta_1^t$, not by $\\beta_1^t$.",
        ),
        expected: float(mt / beta1 ** steps),
      },
      {
        code: "step_ignored",
        message: t(
          lang,
          `보정 분모는 step $t = ${steps}$에 따라 달라집니다: $1 - \\beta_1^t$.`,
          `The correction depends on the step $t = ${steps}$: $1 - \\beta_1^t$.`,
        ),
        expected: float(mt / (1 - beta1)),
      },
    ];
    // A mistake within the tolerance of the answer would be marked correct first: leave it out.
    const mistakes = distinctMistakes(expected, wrong);
    const gList = gradients.map((g, i) => `g_{${i + 1}} = ${g}`).join(",\\ ");
    const oneMinus = dec(1 - beta1);
    const stepsTex = m.map((v, i) => {
      const prev = i === 0 ? "0" : dec(m[i - 1]!);
      return `m_{${i + 1}} &= ${beta1Text} \\cdot ${paren(prev)} + ${oneMinus} \\cdot ${paren(String(gradients[i]))} = ${dec(v)}`;
    });
    return {
      params: { beta1: beta1Text, step: steps, gradients: kind, g: gradients },
      question: t(
        lang,
        `Adam ($\\beta_1 = ${beta1Text}$, $m_0 = 0$)이 한 weight에 대해 gradient $${gList}$를 차례로 받습니다. Step $t = ${steps}$에서 bias 보정된 1차 moment $\\hat m_{${steps}}$는?`,
        `Adam ($\\beta_1 = ${beta1Text}$, $m_0 = 0$) receives the gradients $${gList}$ for one weight, in this order. What is the bias-corrected first moment $\\hat m_{${steps}}$ at step $t = ${steps}$?`,
      ),
      answerFormat: t(
        lang,
        `소수 (허용 오차 ±${TOLERANCE}, 예: 1.476) 또는 분수`,
        `A decimal (tolerance ±${TOLERANCE}, e.g. 1.476) or a fraction`,
      ),
      answer: value.toFixed(3),
      solution: [
        t(
          lang,
          "1차 moment는 gradient의 지수 이동 평균입니다 ($m_0 = 0$에서 시작):",
          "The first moment is an exponential moving average of the gradients, started at $m_0 = 0$:",
        ),
        "$$m_t = \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t$$",
        `$$\\begin{aligned}${stepsTex.join(" \\\\ ")}\\end{aligned}$$`,
        t(
          lang,
          "0에서 시작한 치우침을 보정합니다 (PyTorch `torch.optim.Adam`의 `bias_correction1`):",
          "Then the bias of the zero start is corrected (PyTorch `torch.optim.Adam`'s `bias_correction1`):",
        ),
        `$$\\hat m_{${steps}} = \\frac{m_{${steps}}}{1 - \\beta_1^{${steps}}} = \\frac{${dec(mt)}}{1 - ${beta1Text}^{${steps}}} = \\frac{${dec(mt)}}{${dec(correction)}} \\approx ${value.toFixed(3)}$$`,
        ...(kind === "constant"
          ? [
              t(
                lang,
                "Gradient가 일정하면 보정된 값은 gradient 자체와 같습니다: 보정이 바로 그 치우침을 없앱니다.",
                "With a constant gradient the corrected value is the gradient itself: that is the bias the correction removes.",
              ),
            ]
          : []),
      ].join("\n\n"),
      expected,
      mistakes,
    };
  },
};
