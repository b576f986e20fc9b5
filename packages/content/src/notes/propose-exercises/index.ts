// Exercise cards proposed from a note's own text (see propose-exercises.ts).
export { exerciseLanguage } from "./proposal-language.ts";
export {
  EXERCISE_RECOGNISERS,
  type ProposeExercisesOptions,
  proposeExercises,
} from "./propose-exercises.ts";
