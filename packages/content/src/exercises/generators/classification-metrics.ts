/** Exercises on classification and detection metrics: precision, recall, F1 and accuracy from counts. */
import type { ExerciseMistake } from "../contract.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { texDecimal as dec } from "../number-format.ts";

export const METRICS = ["precision", "recall", "f1", "accuracy"] as const;
export type Metric = (typeof METRICS)[number];
const TOLERANCE = 0.005;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn?: number;
}

/** Precision, recall, F1 (harmonic mean) and, when TN is known, accuracy. */
export function classificationMetrics(c: Counts): Record<Metric, number> {
  const precision = c.tp / (c.tp + c.fp);
  const recall = c.tp / (c.tp + c.fn);
  return {
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    accuracy: c.tn === undefined ? Number.NaN : (c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn),
  };
}

const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

/** Each metric's name; in Korean with the topic particle its last syllable takes (재현율은, 정밀도는). */
const NAMES: Record<Metric, { ko: string; en: string }> = {
  precision: { ko: "정밀도(precision)는", en: "precision" },
  recall: { ko: "재현율(recall)은", en: "recall" },
  f1: { ko: "F1 score는", en: "F1 score" },
  accuracy: { ko: "정확도(accuracy)는", en: "accuracy" },
};

export const precisionRecall: GeneratorDef = {
  info: {
    name: "precision-recall",
    topic: "Evaluation metrics",
    title: {
      ko: "TP/FP/FN으로 구하는 정밀도, 재현율, F1",
      en: "Precision, recall and F1 from TP/FP/FN",
    },
    params: ["metric", "tp", "fp", "fn", "tn"],
  },
  generate(d, lang) {
    const metric = d.choice("metric", METRICS, ["precision", "recall", "f1", "f1", "accuracy"]);
    const tp = d.int("tp", { min: 1, max: 100_000, choices: range(3, 90) });
    const fp = d.int("fp", { min: 0, max: 100_000, choices: range(0, 30) });
    const fn = d.int("fn", { min: 0, max: 100_000, choices: range(0, 30) });
    // TN is given when accuracy is asked, and sometimes otherwise: precision, recall and F1 do
    // not use it, which is part of the lesson.
    const showTn = metric === "accuracy" || d.rng.bool(0.3);
    const tn = d.int("tn", { min: 0, max: 1_000_000, choices: range(10, 200) });
    const counts: Counts = showTn ? { tp, fp, fn, tn } : { tp, fp, fn };
    const m = classificationMetrics(counts);
    const value = m[metric];
    const p = m.precision;
    const r = m.recall;
    const float = (v: number) => ({ kind: "float" as const, value: v, tolerance: TOLERANCE });
    const mistake = (code: string, ko: string, en: string, v: number): ExerciseMistake => ({
      code,
      message: t(lang, ko, en),
      expected: float(v),
    });
    const swapped = (v: number) =>
      mistake(
        "precision_recall_swapped",
        "정밀도와 재현율이 바뀌었습니다: 정밀도는 예측한 양성 중 맞은 비율 $TP/(TP+FP)$, 재현율은 실제 양성 중 찾은 비율 $TP/(TP+FN)$입니다.",
        "Precision and recall are swapped: precision is the share of predicted positives that are right, $TP/(TP+FP)$; recall the share of actual positives found, $TP/(TP+FN)$.",
        v,
      );
    const byMetric: Record<Metric, ExerciseMistake[]> = {
      precision: [
        swapped(r),
        mistake(
          "fn_in_precision",
          "정밀도의 분모에는 FN이 들어가지 않습니다: $TP + FP$ (양성으로 예측한 수)입니다.",
          "Precision's denominator has no FN: it is $TP + FP$, the predicted positives.",
          tp / (tp + fp + fn),
        ),
        mistake(
          "false_discovery_rate",
          "$FP/(TP+FP)$는 틀린 예측의 비율입니다. 정밀도는 $TP/(TP+FP)$입니다.",
          "$FP/(TP+FP)$ is the share of wrong predictions; precision is $TP/(TP+FP)$.",
          fp / (tp + fp),
        ),
      ],
      recall: [
        swapped(p),
        mistake(
          "fp_in_recall",
          "재현율의 분모에는 FP가 들어가지 않습니다: $TP + FN$ (실제 양성의 수)입니다.",
          "Recall's denominator has no FP: it is $TP + FN$, the actual positives.",
          tp / (tp + fp + fn),
        ),
        mistake(
          "miss_rate",
          "$FN/(TP+FN)$는 놓친 비율입니다. 재현율은 $TP/(TP+FN)$입니다.",
          "$FN/(TP+FN)$ is the share missed; recall is $TP/(TP+FN)$.",
          fn / (tp + fn),
        ),
      ],
      f1: [
        mistake(
          "f1_arithmetic_mean",
          "F1은 산술 평균 $(P+R)/2$가 아니라 조화 평균 $2PR/(P+R)$입니다.",
          "F1 is the harmonic mean $2PR/(P+R)$, not the arithmetic mean $(P+R)/2$.",
          (p + r) / 2,
        ),
        mistake(
          "f1_factor_two_missing",
          "분자의 2가 빠졌습니다: $F_1 = 2PR/(P+R)$.",
          "The factor 2 is missing: $F_1 = 2PR/(P+R)$.",
          (p * r) / (p + r),
        ),
        mistake(
          "f1_tp_not_doubled",
          "$TP/(TP+FP+FN)$는 F1이 아닙니다 (IoU와 같은 식). 개수로는 $F_1 = 2TP/(2TP+FP+FN)$입니다.",
          "$TP/(TP+FP+FN)$ is not F1 (it is the IoU-like ratio); in counts $F_1 = 2TP/(2TP+FP+FN)$.",
          tp / (tp + fp + fn),
        ),
      ],
      accuracy: [
        mistake(
          "tn_ignored",
          "정확도는 맞힌 음성(TN)도 셉니다: $(TP+TN)/(TP+TN+FP+FN)$.",
          "Accuracy counts the correct negatives (TN) too: $(TP+TN)/(TP+TN+FP+FN)$.",
          tp / (tp + fp + fn),
        ),
        mistake(
          "accuracy_is_precision",
          "그것은 정밀도입니다. 정확도는 전체 중 맞힌 비율 $(TP+TN)/(TP+TN+FP+FN)$입니다.",
          "That is precision; accuracy is the share of all cases that are right, $(TP+TN)/(TP+TN+FP+FN)$.",
          p,
        ),
      ],
    };
    // A mistake within the tolerance of the answer (or of an earlier mistake) would be taken for
    // it: leave it out.
    const mistakes = distinctMistakes(float(value), byMetric[metric]);

    const given = `TP = ${tp}, FP = ${fp}, FN = ${fn}${showTn ? `, TN = ${tn}` : ""}`;
    const rounded = (Math.round(value * 1000) / 1000).toFixed(3);
    const pTex = `P = \\frac{TP}{TP + FP} = \\frac{${tp}}{${tp} + ${fp}} = ${dec(p)}`;
    const rTex = `R = \\frac{TP}{TP + FN} = \\frac{${tp}}{${tp} + ${fn}} = ${dec(r)}`;
    const steps: Record<Metric, string[]> = {
      precision: [
        t(
          lang,
          "정밀도는 양성으로 예측한 것($TP + FP$) 중 실제 양성인 비율입니다:",
          "Precision is the share of predicted positives ($TP + FP$) that are actual positives:",
        ),
        `$$P = \\frac{TP}{TP + FP} = \\frac{${tp}}{${tp} + ${fp}} = \\frac{${tp}}{${tp + fp}} \\approx ${rounded}$$`,
      ],
      recall: [
        t(
          lang,
          "재현율은 실제 양성($TP + FN$) 중 찾아낸 비율입니다:",
          "Recall is the share of actual positives ($TP + FN$) that were found:",
        ),
        `$$R = \\frac{TP}{TP + FN} = \\frac{${tp}}{${tp} + ${fn}} = \\frac{${tp}}{${tp + fn}} \\approx ${rounded}$$`,
      ],
      f1: [
        t(lang, "먼저 정밀도와 재현율을 구합니다:", "First precision and recall:"),
        `$$${pTex}, \\qquad ${rTex}$$`,
        t(
          lang,
          "F1은 둘의 조화 평균입니다 (개수로 쓰면 $2TP/(2TP+FP+FN)$):",
          "F1 is their harmonic mean (in counts, $2TP/(2TP+FP+FN)$):",
        ),
        `$$F_1 = \\frac{2PR}{P + R} = \\frac{2 \\cdot ${tp}}{2 \\cdot ${tp} + ${fp} + ${fn}} = \\frac{${2 * tp}}{${2 * tp + fp + fn}} \\approx ${rounded}$$`,
      ],
      accuracy: [
        t(
          lang,
          "정확도는 전체 중 맞힌 것(TP와 TN)의 비율입니다:",
          "Accuracy is the share of all cases that are right (TP and TN):",
        ),
        `$$\\text{Acc} = \\frac{TP + TN}{TP + TN + FP + FN} = \\frac{${tp} + ${tn}}{${tp} + ${tn} + ${fp} + ${fn}} = \\frac{${tp + tn}}{${tp + tn + fp + fn}} \\approx ${rounded}$$`,
      ],
    };
    const unused =
      showTn && metric !== "accuracy"
        ? [
            t(
              lang,
              `TN 값(${tn})은 쓰이지 않습니다: ${NAMES[metric].ko} 음성을 맞힌 수와 무관합니다.`,
              `TN = ${tn} is not used: ${NAMES[metric].en} does not depend on the correct negatives.`,
            ),
          ]
        : [];
    return {
      params: { metric, tp, fp, fn, ...(showTn ? { tn } : {}) },
      question: t(
        lang,
        `분류기(또는 detector)의 결과가 ${given}입니다. ${NAMES[metric].ko}?`,
        `A classifier (or detector) gives ${given}. What is its ${NAMES[metric].en}?`,
      ),
      answerFormat: t(
        lang,
        `0과 1 사이의 소수 (허용 오차 ±${TOLERANCE}, 예: 0.667), 분수 또는 백분율`,
        `A decimal between 0 and 1 (tolerance ±${TOLERANCE}, e.g. 0.667), a fraction or a percentage`,
      ),
      answer: rounded,
      solution: [...steps[metric], ...unused].join("\n\n"),
      expected: float(value),
      mistakes,
    };
  },
};
