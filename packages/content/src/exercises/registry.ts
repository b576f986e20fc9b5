import { AppError } from "../errors.ts";
import type {
  AnswerCheck,
  ExerciseGeneratorInfo,
  ExerciseVariant,
  GenerateOptions,
} from "./contract.ts";

// Filled in by the exercise engine (issue 4). Until then no generator exists.
const generators: ExerciseGeneratorInfo[] = [];

export function listGenerators(): ExerciseGeneratorInfo[] {
  return generators;
}

export function getGeneratorInfo(name: string): ExerciseGeneratorInfo | undefined {
  return generators.find((g) => g.name === name);
}

export function generateExercise(name: string, _options: GenerateOptions): ExerciseVariant {
  throw new AppError("NOT_FOUND", `unknown exercise generator "${name}"`, { field: "generator" });
}

export function checkExerciseAnswer(variant: ExerciseVariant, _answer: string): AnswerCheck {
  throw new AppError("NOT_FOUND", `unknown exercise generator "${variant.generator}"`, {
    field: "generator",
  });
}
