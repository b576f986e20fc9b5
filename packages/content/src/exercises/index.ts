// The exercise engine's public surface. The registry (generators) is filled in by the exercise engine.
export * from "./contract.ts";
export {
  type ExerciseRatingReason,
  exerciseRatingReason,
  type ProposeExerciseRatingOptions,
  proposeExerciseRating,
} from "./propose-exercise-rating.ts";
export {
  checkExerciseAnswer,
  generateExercise,
  getGeneratorInfo,
  listGenerators,
} from "./registry.ts";
