/**
 * The exercise registry: every generator by name, seeded generation with authors' ranges, and
 * answer checking. Pure: same name, seed, language and ranges give the same variant.
 */
import { AppError, zodIssueMessage } from "../errors.ts";
import { checkAnswer } from "./answer-check.ts";
import {
  type AnswerCheck,
  type ExerciseGeneratorInfo,
  type ExerciseVariant,
  type GenerateOptions,
  ZParamRanges,
} from "./contract.ts";
import { createDraw, type GeneratorDef } from "./generator.ts";
import {
  denseNetChannels,
  fcVsConv,
  inceptionBottleneck,
  inceptionOutputChannels,
  modelParams,
  resnetBlockParams,
  vggStack,
} from "./generators/architectures.ts";
import { precisionRecall } from "./generators/classification-metrics.ts";
import {
  convMacs,
  convOutputShape,
  convParams,
  convTransposeOutputSizeGen,
  poolOutputShape,
  receptiveFieldGen,
} from "./generators/conv-layer.ts";
import { conv1dValue, convVsCorrelation } from "./generators/convolution-math.ts";
import {
  iou,
  roiPoolOutputShape,
  rpnAnchorCount,
  sppOutputLength,
} from "./generators/detection.ts";
import { adamBiasCorrection } from "./generators/optimizer.ts";
import { multiheadAttention, rnnParams } from "./generators/sequence-layers.ts";
import { createRng } from "./prng.ts";

const DEFS: GeneratorDef[] = [
  convOutputShape,
  convParams,
  poolOutputShape,
  convMacs,
  vggStack,
  inceptionBottleneck,
  inceptionOutputChannels,
  resnetBlockParams,
  denseNetChannels,
  convTransposeOutputSizeGen,
  fcVsConv,
  receptiveFieldGen,
  conv1dValue,
  convVsCorrelation,
  iou,
  rpnAnchorCount,
  sppOutputLength,
  roiPoolOutputShape,
  modelParams,
  rnnParams,
  multiheadAttention,
  adamBiasCorrection,
  precisionRecall,
];

const BY_NAME = new Map(DEFS.map((g) => [g.info.name, g]));
const MAX_ATTEMPTS = 500;

export function listGenerators(): ExerciseGeneratorInfo[] {
  return DEFS.map((g) => g.info);
}

export function getGeneratorInfo(name: string): ExerciseGeneratorInfo | undefined {
  return BY_NAME.get(name)?.info;
}

export function generateExercise(name: string, options: GenerateOptions): ExerciseVariant {
  const def = BY_NAME.get(name);
  if (!def) {
    throw new AppError("NOT_FOUND", `unknown exercise generator "${name}"`, {
      field: "generator",
      key: "generatorUnknown",
    });
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new AppError("BAD_INPUT", "seed: expected an integer", { field: "seed" });
  }
  let ranges = options.ranges;
  if (ranges !== undefined) {
    const parsed = ZParamRanges.safeParse(ranges);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = ["ranges", ...issue.path.map(String)].join(".");
      throw new AppError("BAD_INPUT", `${field}: ${issue.message}`, {
        field,
        cause: parsed.error,
        ...zodIssueMessage(issue, field),
      });
    }
    ranges = parsed.data;
    for (const key of Object.keys(ranges)) {
      if (!def.info.params.includes(key)) {
        throw new AppError(
          "BAD_INPUT",
          `ranges.${key}: ${name} has no parameter "${key}" (it has ${def.info.params.join(", ")})`,
          {
            field: `ranges.${key}`,
            key: "generatorNoParam",
            params: { name: key, names: def.info.params.join(", ") },
          },
        );
      }
    }
  }
  const draw = createDraw(createRng(options.seed), ranges);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const draft = def.generate(draw, options.lang);
    if (!draft) continue;
    const variant: ExerciseVariant = {
      generator: name,
      seed: options.seed,
      lang: options.lang,
      question: draft.question,
      answerFormat: draft.answerFormat,
      answer: draft.answer,
      solution: draft.solution,
      expected: draft.expected,
      params: draft.params,
    };
    if (draft.mistakes && draft.mistakes.length > 0) variant.mistakes = draft.mistakes;
    return variant;
  }
  throw new AppError("BAD_INPUT", `ranges: no valid ${name} variant within these ranges`, {
    field: "ranges",
    key: "paramsNoVariant",
  });
}

export function checkExerciseAnswer(variant: ExerciseVariant, answer: string): AnswerCheck {
  if (!BY_NAME.has(variant.generator)) {
    throw new AppError("NOT_FOUND", `unknown exercise generator "${variant.generator}"`, {
      field: "generator",
    });
  }
  return checkAnswer(variant.expected, answer, variant.mistakes ?? [], variant.lang);
}
