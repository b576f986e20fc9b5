// Exercise cards proposed from a note's own text (see propose-exercises.ts).
export {
  EXERCISE_RECOGNISERS,
  type ProposeExercisesOptions,
  proposeExercises,
} from "./propose-exercises.ts";
