/**
 * Classification and detection metrics: precision, recall, F1 and accuracy from TP/FP/FN(/TN).
 * A section states one when it writes the formula (TP/(TP+FP), 2PR/(P+R), (TP+TN)/(…), in prose,
 * plain text or TeX) or works a result from counts (TP 8, FP 2, FN 4 → precision 0.8), the result
 * checking out against the counts. Naming a metric, a confusion matrix without a computation or
 * AP/mAP talk proposes nothing. The note's counts become one variant.
 */
import type { TParamRanges } from "../../exercises/contract.ts";
import {
  classificationMetrics,
  type Metric,
} from "../../exercises/generators/classification-metrics.ts";
import { choices, put } from "./choice-ranges.ts";
import { unique } from "./note-text.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";
import type { SectionFacts } from "./section-facts.ts";

/**
 * The text with spaces, TeX groups and product signs gone, so that `\frac{TP}{TP + FP}`,
 * `TP / (TP + FP)` and `2 · P · R / (P + R)` each read one way: `\fractptp+fp`, `tp/(tp+fp)`,
 * `2pr/(p+r)`.
 */
function compact(text: string): string {
  return text
    .replace(/\\[dt]frac\b/g, "\\frac")
    .replace(/\\(?:cdot|times|ast|mathit|mathbf)\b|[\s{}·×*⋅]/g, "")
    .replace(/\\(?:left|right)/g, "")
    .replace(/truepositives?|참양성|진양성/g, "tp")
    .replace(/falsepositives?|거짓양성|위양성/g, "fp")
    .replace(/falsenegatives?|거짓음성|위음성/g, "fn")
    .replace(/truenegatives?|참음성|진음성/g, "tn");
}

const P = "(?:p|precision|prec|정밀도)";
const R = "(?:r|recall|rec|재현율)";
/** Each metric's formula, as the compact text reads it. */
const FORMULAS: Record<Metric, RegExp[]> = {
  precision: [/tp\/\(tp\+fp\)/, /\\fractptp\+fp/, /tp\/\(fp\+tp\)/],
  recall: [/tp\/\(tp\+fn\)/, /\\fractptp\+fn/, /tp\/\(fn\+tp\)/],
  f1: [
    new RegExp(`2\\(?${P}${R}\\)?/\\(${P}\\+${R}\\)`),
    new RegExp(`\\\\frac2\\(?${P}${R}\\)?${P}\\+${R}`),
    new RegExp(`2/\\(1/${P}\\+1/${R}\\)`),
    new RegExp(`\\\\frac2\\\\frac1${P}\\+\\\\frac1${R}`),
    /2tp\/\(2tp\+fp\+fn\)/,
    /\\frac2tp2tp\+fp\+fn/,
  ],
  accuracy: [
    /\(tp\+tn\)\/\(tp\+tn\+fp\+fn\)/,
    /\\fractp\+tntp\+tn\+fp\+fn/,
    /\(tp\+tn\)\/\(tp\+fp\+fn\+tn\)/,
  ],
};

const METRIC_WORDS: Record<Metric, string> = {
  precision: "(?<!average |mean |평균 ?)(?:precision|정밀도)",
  recall: "recall|재현율",
  f1: "\\bf1(?:[- ]?(?:score|점수))?|f-?score|f-measure",
  accuracy: "accuracy|정확도",
};

/** Values written after a metric's name: 0.8, .8, 80%, 8/10 (the last of "8/(8+2) = 0.8"). */
function statedValues(f: SectionFacts, metric: Metric): number[] {
  const re = new RegExp(
    `(?:${METRIC_WORDS[metric]})\\s*(?:\\([^)]{0,12}\\))?\\s*(?:[=:≈]|은|는|이|가|is|of|→)?\\s*((?:[^a-z가-힣\\n,;]{0,40}?=\\s*)?)(\\d*\\.\\d+|\\d+\\s*/\\s*\\d+|\\d+(?:\\.\\d+)?\\s*%)`,
    "g",
  );
  return [...f.text.matchAll(re)].map((m) => {
    const v = m[2]!;
    if (v.includes("%")) return Number.parseFloat(v) / 100;
    if (v.includes("/")) {
      const [a, b] = v.split("/").map(Number);
      return a! / b!;
    }
    return Number(v);
  });
}

type Count = "tp" | "fp" | "fn" | "tn";
const COUNT_CELL: Record<Count, RegExp> = {
  tp: /^(?:tp|true positives?)$/,
  fp: /^(?:fp|false positives?)$/,
  fn: /^(?:fn|false negatives?)$/,
  tn: /^(?:tn|true negatives?)$/,
};

/** Counts in a Markdown table whose header names them (| TP | FP | FN |), from its first row. */
function tableCounts(f: SectionFacts, name: Count): number[] {
  const cells = (row: string) =>
    row
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
  for (let i = 0; i + 2 < f.sentences.length; i++) {
    const header = cells(f.sentences[i]!);
    const column = header.findIndex((c) => COUNT_CELL[name].test(c));
    if (column < 0 || !/^[\s|:-]+$/.test(f.sentences[i + 1]!)) continue;
    const value = cells(f.sentences[i + 2]!)[column];
    if (value !== undefined && /^\d+$/.test(value)) return [Number(value)];
  }
  return [];
}

/** The counts written as "TP 8", "TP = 8", "TP가 8개", "8 true positives", or in a table. */
function counts(f: SectionFacts, name: Count): number[] {
  const words = {
    tp: "true positives?|참 ?양성|진양성",
    fp: "false positives?|거짓 ?양성|위양성",
    fn: "false negatives?|거짓 ?음성|위음성",
    tn: "true negatives?|참 ?음성|진음성",
  }[name];
  return unique(
    f
      .after(`\\b${name}\\b|${words}`)
      // "8 true positives", but not "TP 8 FP 2" read as 8 false positives.
      .concat(f.before(words))
      .concat(tableCounts(f, name))
      .filter((n) => Number.isInteger(n)),
  );
}

export const precisionRecall: ExerciseRecogniser = {
  generator: "precision-recall",
  propose(f) {
    const text = compact(f.text);
    const METRICS = Object.keys(FORMULAS) as Metric[];
    const stated = METRICS.filter((m) => FORMULAS[m].some((re) => re.test(text)));
    const tp = counts(f, "tp");
    const fp = counts(f, "fp");
    const fn = counts(f, "fn");
    const tn = counts(f, "tn");
    // A result worked from the note's counts: a stated value equal to the metric of the counts.
    const worked: Metric[] = [];
    if (tp.length > 0 && fp.length + fn.length > 0) {
      const m = classificationMetrics({
        tp: tp[0]!,
        fp: fp[0] ?? 0,
        fn: fn[0] ?? 0,
        ...(tn.length > 0 ? { tn: tn[0]! } : {}),
      });
      for (const metric of METRICS) {
        if (metric === "precision" && fp.length === 0) continue;
        if ((metric === "recall" || metric === "accuracy") && fn.length === 0) continue;
        if (metric === "f1" && (fp.length === 0 || fn.length === 0)) continue;
        const want = m[metric];
        if (statedValues(f, metric).some((v) => Number.isFinite(want) && Math.abs(v - want) < 0.01))
          worked.push(metric);
      }
    }
    const asked = unique([...stated, ...worked]);
    if (asked.length === 0) return undefined;
    const ranges: TParamRanges = {};
    ranges.metric = unique([...asked, "precision", "recall", "f1"]).slice(
      0,
      Math.max(3, asked.length),
    );
    // The note's counts with a few others; without counts, the generator's own draw.
    const from = (note: number[], extras: number[], bounds: { min: number; max: number }) =>
      note.length > 0 ? choices(note, extras, bounds, 3) : undefined;
    put(ranges, "tp", from(tp, [8, 45, 90], { min: 1, max: 100_000 }));
    put(ranges, "fp", from(fp, [2, 10, 25], { min: 0, max: 100_000 }));
    put(ranges, "fn", from(fn, [4, 15, 30], { min: 0, max: 100_000 }));
    put(ranges, "tn", from(tn, [50, 120], { min: 0, max: 1_000_000 }));
    return ranges;
  },
};

export const METRIC_RECOGNISERS = [precisionRecall];
