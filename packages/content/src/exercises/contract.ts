/**
 * The contract between computed exercises (the exercise engine) and everything that uses them
 * (exercise cards from notes, the review service, the web app). Pure data: no clock, no global random.
 */
import { z } from "zod";

export const ZLang = z.enum(["ko", "en"]);
export type TLang = z.infer<typeof ZLang>;

/**
 * Parameter ranges an author may give an exercise card: a fixed value, a list of choices,
 * or an inclusive integer range.
 */
export const ZParamRange = z.union([
  z.number(),
  z.string(),
  z.array(z.union([z.number(), z.string()])).min(1),
  z.object({ min: z.number(), max: z.number() }).refine((r) => r.min <= r.max, {
    message: "min must be <= max",
  }),
]);
export const ZParamRanges = z.record(z.string(), ZParamRange);
export type TParamRanges = z.infer<typeof ZParamRanges>;

/** What a correct answer looks like, in machine form, for checking. */
export type ExpectedAnswer =
  | { kind: "integer"; value: number; allowApprox?: boolean }
  | { kind: "shape"; dims: number[]; layout: string }
  | { kind: "float"; value: number; tolerance: number }
  | { kind: "integers"; values: number[] };

export interface ExerciseVariant {
  generator: string;
  seed: number;
  lang: TLang;
  /** Markdown with $…$ math. */
  question: string;
  /** Human description of the expected answer format, in `lang`. */
  answerFormat: string;
  /** Canonical answer as display text. */
  answer: string;
  /** Worked solution, Markdown with KaTeX math: the formula, then the numbers substituted. */
  solution: string;
  expected: ExpectedAnswer;
  /** The drawn parameters (optional; lets tests and authors recompute the answer). */
  params?: Record<string, number | string | number[]>;
  /** Wrong answers that reveal a known mistake (optional; used by answer checking). */
  mistakes?: ExerciseMistake[];
}

/** A recognisable wrong answer: what the learner would answer after this mistake, and its name. */
export interface ExerciseMistake {
  code: string;
  /** In the variant's language. */
  message: string;
  expected: ExpectedAnswer;
}

export interface AnswerCheck {
  correct: boolean;
  /** A recognised common mistake, when the answer is wrong in a known way. */
  mistake?: { code: string; message: string };
  /** The learner's answer as understood by the checker, when it could be parsed. */
  understood?: string;
}

export interface ExerciseGeneratorInfo {
  name: string;
  /** The note topic it drills, e.g. "VGG", "ResNet". */
  topic: string;
  title: Record<TLang, string>;
  /** Names of the parameters an author may constrain with ranges. */
  params: string[];
}

export interface GenerateOptions {
  seed: number;
  lang: TLang;
  ranges?: TParamRanges;
}
