/**
 * precision-recall proposed where a section states a metric's formula or works one from counts,
 * with the note's counts as one variant; named metrics, confusion matrices and AP/mAP do not.
 */
import { describe, expect, it } from "vitest";
import { generateExercise } from "../../exercises/index.ts";
import { parseMarkdown } from "../markdown-parser.ts";
import { proposeExercises } from "./propose-exercises.ts";

function proposal(markdown: string) {
  const draft = proposeExercises(parseMarkdown(markdown), { source: markdown }).find(
    (d) => d.kind === "exercise" && d.generator === "precision-recall",
  );
  return draft?.kind === "exercise" ? draft.params : undefined;
}

describe("precision-recall from a note's formula", () => {
  it.each([
    ["plain text", "## Metrics\n\nPrecision = TP / (TP + FP)", "precision"],
    [
      "Korean",
      "## 평가 지표\n\n정밀도 = TP/(TP+FP) 이고 재현율은 실제 양성 중 맞춘 비율이다.",
      "precision",
    ],
    [
      "TeX with \\text",
      "## Metrics\n\n$$\\text{Recall} = \\frac{\\text{TP}}{\\text{TP} + \\text{FN}}$$",
      "recall",
    ],
    ["F1 in P and R", "## F1\n\nF1 = 2PR/(P+R)", "f1"],
    [
      "F1 in TeX words",
      "## F1\n\n$F_1 = \\frac{2 \\cdot precision \\cdot recall}{precision + recall}$",
      "f1",
    ],
    ["F1 as a harmonic mean", "## F1\n\n$F_1 = \\dfrac{2}{\\frac{1}{P} + \\frac{1}{R}}$", "f1"],
    ["F1 in counts", "## F1 score\n\nF1 = 2TP / (2TP + FP + FN)", "f1"],
    [
      "words",
      "## Recall\n\nrecall = true positives / (true positives + false negatives)",
      "recall",
    ],
    ["accuracy", "## Accuracy\n\nAccuracy = (TP + TN) / (TP + TN + FP + FN)", "accuracy"],
  ])("%s", (_name, markdown, metric) => {
    const ranges = proposal(markdown);
    expect(ranges?.metric).toContain(metric);
    // Without counts in the note, the generator draws its own.
    expect(ranges?.tp).toBeUndefined();
  });
});

describe("precision-recall from a result worked from counts", () => {
  it.each([
    ["English, arrow", "## Detector\n\nTP 8, FP 2, FN 4 → precision 0.8, recall 0.667", [8, 2, 4]],
    [
      "Korean",
      "## 예시\n\nTP가 8개, FP가 2개, FN이 4개이면 정밀도는 0.8, 재현율은 66.7%이다.",
      [8, 2, 4],
    ],
    [
      "a fraction first",
      "## Example\n\nWith TP = 30, FP = 10, FN = 20: precision = 30/(30+10) = 0.75.",
      [30, 10, 20],
    ],
    [
      "a table of counts",
      "## Example\n\n| TP | FP | FN | TN |\n|---|---|---|---|\n| 90 | 10 | 30 | 70 |\n\nPrecision = 0.9, recall = 0.75",
      [90, 10, 30],
    ],
    [
      "F1 only",
      "## F1\n\n45 true positives, 5 false positives, 15 false negatives: F1 = 0.818",
      [45, 5, 15],
    ],
  ])("%s: the note's counts are one variant", (_name, markdown, [tp, fp, fn]) => {
    const ranges = proposal(markdown);
    expect(ranges).toBeDefined();
    const drawn = Array.from({ length: 400 }, (_, seed) =>
      generateExercise("precision-recall", { seed, lang: "en", ranges: ranges! }),
    );
    expect(
      drawn.some((v) => v.params?.tp === tp && v.params?.fp === fp && v.params?.fn === fn),
    ).toBe(true);
  });

  it("TN in the note is kept for accuracy", () => {
    const ranges = proposal(
      "## Confusion matrix\n\nTP = 40, TN = 50, FP = 5, FN = 5 → accuracy = 90/100 = 0.9",
    );
    expect(ranges?.metric).toContain("accuracy");
    expect(ranges?.tn).toContain(50);
  });
});

describe("precision-recall not proposed", () => {
  it.each([
    ["a metric named", "## Metrics\n\nPrecision and recall trade off; F1 balances them."],
    ["Korean names", "## 평가\n\n정밀도와 재현율, F1 score 를 함께 본다. 정확도만 보면 안 된다."],
    [
      "a confusion-matrix table",
      "## Confusion matrix\n\n| | Pred + | Pred − |\n|---|---|---|\n| Actual + | TP 8 | FN 4 |\n| Actual − | FP 2 | TN 86 |",
    ],
    [
      "a table of counts without a result",
      "## Per class\n\n| class | TP | FP | FN |\n|---|---|---|---|\n| car | 90 | 10 | 30 |\n\nCars are detected best.",
    ],
    [
      "counts without a result",
      "## Result\n\nThe detector made TP = 8, FP = 2 and FN = 4 on the test set.",
    ],
    [
      "a result that does not check out",
      "## 실험\n\nTP 8, FP 2, FN 4 였고, 다른 모델의 precision 은 0.93 이다.",
    ],
    [
      "AP and mAP",
      "## mAP\n\nAP is the area under the precision-recall curve; mAP@0.5 = 0.65 averages AP over classes.",
    ],
    [
      "average precision values",
      "## COCO\n\nAverage precision 0.42, AP50 0.61, recall 0.55 at 100 detections.",
    ],
    [
      "counts beside an average precision",
      "## Evaluation\n\nAt IoU 0.5 the detector has TP 8, FP 2, FN 4; its average precision (AP) is 0.8.",
    ],
    ["IoU in counts (segmentation)", "## Segmentation\n\nIoU = TP / (TP + FP + FN)"],
    ["specificity", "## 특이도\n\nSpecificity = TN / (TN + FP)"],
    ["mAP in Korean", "## mAP\n\nTP 8, FP 2, FN 4 인 클래스의 평균 정밀도 0.8, mAP = 0.8"],
  ])("%s", (_name, markdown) => {
    expect(proposal(markdown)).toBeUndefined();
  });
});
