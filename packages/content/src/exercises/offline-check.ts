// What the browser needs to check an exercise answer offline, without the rest of the package:
// the answer checker and the rating rule the server uses (submitReview).
export { checkAnswer } from "./answer-check.ts";
export { exerciseRatingReason, proposeExerciseRating } from "./propose-exercise-rating.ts";
