/**
 * How a generator is defined: its info, the parameters an author may constrain, and a function from
 * a parameter drawer to a draft variant (or null to redraw).
 */
import { AppError, type AppErrorKey } from "../errors.ts";
import type {
  ExerciseGeneratorInfo,
  ExerciseMistake,
  ExpectedAnswer,
  TLang,
  TParamRanges,
} from "./contract.ts";
import type { Rng } from "./prng.ts";

export interface ExerciseDraft {
  params: Record<string, number | string | number[]>;
  question: string;
  answerFormat: string;
  answer: string;
  solution: string;
  expected: ExpectedAnswer;
  mistakes?: { code: string; message: string; expected: ExpectedAnswer }[];
}

export interface IntParam {
  /** Hard bounds an author's range must stay within. */
  min: number;
  max: number;
  /** Default draw: a list of values or an inclusive range. */
  choices?: readonly number[];
}

/** Draws parameters from the author's ranges when given, otherwise from the defaults. */
export interface Draw {
  rng: Rng;
  int(name: string, p: IntParam): number;
  choice<T extends string>(name: string, allowed: readonly T[], defaults?: readonly T[]): T;
}

export interface GeneratorDef {
  info: ExerciseGeneratorInfo;
  generate(d: Draw, lang: TLang): ExerciseDraft | null;
}

function badRange(
  name: string,
  message: string,
  key: AppErrorKey,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError("BAD_INPUT", `ranges.${name}: ${message}`, {
    field: `ranges.${name}`,
    key,
    params: { name, ...params },
  });
}

export function createDraw(rng: Rng, ranges: TParamRanges = {}): Draw {
  return {
    rng,
    int(name, p) {
      const r = ranges[name];
      const check = (v: unknown): number => {
        if (typeof v !== "number" || !Number.isInteger(v) || v < p.min || v > p.max) {
          throw badRange(
            name,
            `expected integers from ${p.min} to ${p.max}, got ${JSON.stringify(v)}`,
            "paramIntRange",
            { min: p.min, max: p.max },
          );
        }
        return v;
      };
      if (r === undefined) return p.choices ? rng.pick(p.choices) : rng.int(p.min, p.max);
      if (Array.isArray(r)) return check(rng.pick(r.map(check)));
      if (typeof r === "object") {
        const lo = check(Math.ceil(r.min));
        const hi = check(Math.floor(r.max));
        if (lo > hi) throw badRange(name, "the range holds no integer", "paramEmptyRange");
        return rng.int(lo, hi);
      }
      return check(r);
    },
    choice(name, allowed, defaults = allowed) {
      const r = ranges[name];
      const check = (v: unknown) => {
        if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
          throw badRange(
            name,
            `expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`,
            "paramChoice",
            { allowed: allowed.join(", ") },
          );
        }
        return v as (typeof allowed)[number];
      };
      if (r === undefined) return rng.pick(defaults);
      if (Array.isArray(r)) return check(rng.pick(r.map(check)));
      if (typeof r === "object") {
        throw badRange(name, `expected one of ${allowed.join(", ")}`, "paramChoice", {
          allowed: allowed.join(", "),
        });
      }
      return check(r);
    },
  };
}

/** Bilingual text helper. */
export function t(lang: TLang, ko: string, en: string): string {
  return lang === "ko" ? ko : en;
}

/**
 * Whether two answers could be taken for one another: the same answer, or two decimals within both
 * tolerances of each other (a learner's answer could then match either; a decimal that is no number
 * matches everything).
 */
function sameAnswer(a: ExpectedAnswer, b: ExpectedAnswer): boolean {
  if (a.kind === "float" && b.kind === "float") {
    return !(Math.abs(a.value - b.value) > a.tolerance + b.tolerance);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps only mistakes whose answer differs from the correct one (and from the mistakes kept before
 * it): otherwise a right answer would be named a mistake, or a mistake named after another.
 */
export function distinctMistakes(
  correct: ExpectedAnswer,
  list: ExerciseMistake[],
): ExerciseMistake[] {
  const kept: ExpectedAnswer[] = [correct];
  return list.filter((m) => {
    if (kept.some((e) => sameAnswer(e, m.expected))) return false;
    kept.push(m.expected);
    return true;
  });
}
