/**
 * Parsing and checking learners' answers: integers with separators or scientific notation,
 * approximations ("61.1M") where allowed, shapes in common notations against the stated layout,
 * floats with a tolerance, lists of integers; and recognition of known mistakes.
 */
import type { AnswerCheck, ExerciseMistake, ExpectedAnswer } from "./contract.ts";

type KnownMistake = ExerciseMistake;

const SUFFIX: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  천: 1e3,
  m: 1e6,
  M: 1e6,
  mio: 1e6,
  million: 1e6,
  만: 1e4,
  억: 1e8,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  billion: 1e9,
  G: 1e9,
};

export interface ParsedInteger {
  value: number;
  /** For approximations: the half unit of the last given digit (the accepted error). */
  halfUnit?: number;
}

function clean(text: string): string {
  return text
    .trim()
    .replace(/^\$+|\$+$/g, "")
    .replace(/\\[,;!]|\{,\}|[\s\u00a0\u2009\u202f_']/g, "")
    .replace(/\\times|\\cdot|[·⋅]/g, "×");
}

function decimals(mantissa: string): number {
  const dot = mantissa.indexOf(".");
  return dot < 0 ? 0 : mantissa.length - dot - 1;
}

/** Parses an integer answer; approximations (suffix or inexact scientific notation) carry a halfUnit. */
export function parseIntegerAnswer(text: string): ParsedInteger | null {
  let s = clean(text);
  if (/^[+-]?\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, "");
  if (/^[+-]?\d+$/.test(s)) return { value: Number(s) };
  const sci = /^([+-]?\d+(?:\.\d+)?)(?:[eE]|[×x*]10\^)\{?([+-]?\d+)\}?$/.exec(s);
  if (sci) {
    const exp = Number(sci[2]);
    const value = Number(`${sci[1]}e${exp}`);
    const halfUnit = 0.5 * 10 ** (exp - decimals(sci[1]!));
    return Number.isInteger(value) && halfUnit < 1 ? { value } : { value, halfUnit };
  }
  const approx = /^(\d+(?:\.\d+)?)(k|K|천|m|M|mio|million|만|억|b|B|bn|billion|G)$/.exec(s);
  if (approx) {
    const mult = SUFFIX[approx[2]!]!;
    const value = Number(approx[1]) * mult;
    return { value, halfUnit: 0.5 * 10 ** -decimals(approx[1]!) * mult };
  }
  return null;
}

/** Parses "55x55x96", "96×55×55", "(96, 55, 55)", "[1, 96, 55, 55]" into dimensions. */
export function parseShapeAnswer(text: string): number[] | null {
  const s = text
    .trim()
    .replace(/^\$+|\$+$/g, "")
    .replace(/\\times/g, "×")
    .replace(/^(torch\.Size|shape)?\s*[([{]+|[)\]}]+$/g, "");
  const parts = s.split(/\s*(?:[x×X*,]|\s)\s*/).filter((p) => p !== "");
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/** Parses "0.42", ".42", "42%", "21/50". */
export function parseFloatAnswer(text: string): number | null {
  const s = clean(text).replace(/,(?=\d+$)/, ".");
  const frac = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(s);
  if (frac) return Number(frac[2]) === 0 ? null : Number(frac[1]) / Number(frac[2]);
  const pct = /^([+-]?\d*\.?\d+)%$/.exec(s);
  if (pct) return Number(pct[1]) / 100;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : null;
}

/** Splits "27,648; 50,176; 7" or "27648, 50176, 7" or "27648 50176 7" into integers. */
export function parseIntegerList(text: string): number[] | null {
  const raw = text.trim().replace(/^[([{]|[)\]}]$/g, "");
  let tokens = raw.split(/\s*(?:[;|/\n]|\band\b|그리고|,\s+)\s*/).filter((t) => t.trim() !== "");
  if (tokens.length === 1 && !/^\d{1,3}(,\d{3})+$/.test(tokens[0]!.trim())) {
    tokens = tokens[0]!.split(/[,\s]+/).filter((t) => t !== "");
  }
  const values: number[] = [];
  for (const t of tokens) {
    const p = parseIntegerAnswer(t);
    if (!p || p.halfUnit !== undefined) return null;
    values.push(p.value);
  }
  return values.length > 0 ? values : null;
}

/** Reorders a C×H×W-style answer into another layout's order, e.g. "H×W×C". */
function layoutAxes(layout: string): string[] {
  return layout.split(/[×x,\s]+/).filter((a) => a !== "");
}

interface Match {
  correct: boolean;
  understood?: string;
  /** Set when the answer is an approximation where an exact value was asked. */
  approxNotAllowed?: boolean;
  /** Set when the answer has the right dimensions in another layout. */
  wrongLayout?: boolean;
}

export function matchAnswer(expected: ExpectedAnswer, text: string): Match {
  switch (expected.kind) {
    case "integer": {
      const p = parseIntegerAnswer(text);
      if (!p) return { correct: false };
      const understood = p.halfUnit === undefined ? String(p.value) : `≈${p.value}`;
      if (p.halfUnit === undefined || p.value === expected.value) {
        return { correct: p.value === expected.value, understood: String(p.value) };
      }
      if (!expected.allowApprox) {
        return {
          correct: false,
          understood,
          approxNotAllowed: Math.abs(p.value - expected.value) <= p.halfUnit,
        };
      }
      return { correct: Math.abs(p.value - expected.value) <= p.halfUnit + 1e-9, understood };
    }
    case "shape": {
      let dims = parseShapeAnswer(text);
      if (!dims) return { correct: false };
      if (dims.length === expected.dims.length + 1 && dims[0] === 1) dims = dims.slice(1);
      const understood = dims.join("×");
      const same = (a: readonly number[]) =>
        a.length === expected.dims.length && a.every((d, i) => d === expected.dims[i]);
      if (same(dims)) return { correct: true, understood };
      const axes = layoutAxes(expected.layout);
      const c = axes.indexOf("C");
      if (c >= 0 && dims.length === expected.dims.length) {
        // Channels moved to the other end (channels-first vs channels-last).
        const moved =
          c === 0 ? [...dims.slice(-1), ...dims.slice(0, -1)] : [...dims.slice(1), dims[0]!];
        if (same(moved)) return { correct: false, understood, wrongLayout: true };
      }
      return { correct: false, understood };
    }
    case "float": {
      const v = parseFloatAnswer(text);
      if (v === null) return { correct: false };
      return {
        correct: Math.abs(v - expected.value) <= expected.tolerance + 1e-12,
        understood: String(v),
      };
    }
    case "integers": {
      const v = parseIntegerList(text);
      if (!v) return { correct: false };
      const understood = v.join("; ");
      return {
        correct: v.length === expected.values.length && v.every((x, i) => x === expected.values[i]),
        understood,
      };
    }
  }
}

const GENERIC: Record<"approx" | "layout", Record<"ko" | "en", string>> = {
  approx: {
    en: "That is an approximation; this question asks for the exact number.",
    ko: "근삿값입니다. 이 문제는 정확한 값을 묻습니다.",
  },
  layout: {
    en: "Right numbers, wrong layout: give the dimensions in the order the question states.",
    ko: "숫자는 맞지만 순서가 다릅니다. 문제에 주어진 차원 순서로 답하세요.",
  },
};

/** Checks an answer against the expected one and, when wrong, names a recognised mistake. */
export function checkAnswer(
  expected: ExpectedAnswer,
  text: string,
  mistakes: readonly KnownMistake[] = [],
  lang: "ko" | "en" = "en",
): AnswerCheck {
  const m = matchAnswer(expected, text);
  const result: AnswerCheck = { correct: m.correct };
  if (m.understood !== undefined) result.understood = m.understood;
  if (m.correct) return result;
  if (m.approxNotAllowed) {
    result.mistake = { code: "approximation", message: GENERIC.approx[lang] };
    return result;
  }
  if (m.wrongLayout) {
    result.mistake = { code: "layout", message: GENERIC.layout[lang] };
    return result;
  }
  for (const k of mistakes) {
    if (matchAnswer(k.expected, text).correct) {
      result.mistake = { code: k.code, message: k.message };
      break;
    }
  }
  return result;
}
