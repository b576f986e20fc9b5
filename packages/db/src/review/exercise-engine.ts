// The exercise engine the review service uses: the content package's, unless a caller passes its
// own (tests pass a small deterministic one).
import {
  type AnswerCheck,
  checkExerciseAnswer,
  type ExerciseVariant,
  type GenerateOptions,
  generateExercise,
} from "@strides/content";

export interface ExerciseEngine {
  generateExercise(name: string, options: GenerateOptions): ExerciseVariant;
  checkExerciseAnswer(variant: ExerciseVariant, answer: string): AnswerCheck;
}

export const contentExerciseEngine: ExerciseEngine = { generateExercise, checkExerciseAnswer };

/** A variant seed from the learner, card and repetition: stable for a showing, new for the next. */
export function variantSeedFor(userId: string, cardId: string, reps: number): number {
  let h = 2166136261;
  for (const ch of `${userId}:${cardId}:${reps}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 2_147_483_647;
}
