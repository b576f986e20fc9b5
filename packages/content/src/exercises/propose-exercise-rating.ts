// The rating proposed for an exercise answer: wrong → Again; right → Good, Easy when faster than
// `easyBelowMs`, Hard when slower than `hardAfterMs` (both from the deck preset). A first right
// answer on a new exercise proposes Good, not Easy, however fast: FSRS's first Easy sets a
// stability of one to two weeks, which one answer does not support at the desired retention;
// Good's first interval is what that retention asks for. Pure: the server (submitReview) and the
// browser's offline check (@strides/content/answer-check) use this one rule.
/** FSRS ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. */
type TRating = 1 | 2 | 3 | 4;

export interface ProposeExerciseRatingOptions {
  correct: boolean;
  durationMs: number;
  easyBelowMs: number;
  hardAfterMs: number;
  /** The card was new (never rated) when answered. */
  isNew?: boolean;
}

/** Why a rating is proposed (the review screen says it). */
export type ExerciseRatingReason = "wrong" | "slow" | "firstCorrect" | "fast" | "correct";

const RATING: Record<ExerciseRatingReason, TRating> = {
  wrong: 1,
  slow: 2,
  firstCorrect: 3,
  fast: 4,
  correct: 3,
};

export function exerciseRatingReason(o: ProposeExerciseRatingOptions): ExerciseRatingReason {
  if (!o.correct) return "wrong";
  if (o.durationMs > o.hardAfterMs) return "slow";
  if (o.isNew) return "firstCorrect";
  if (o.durationMs < o.easyBelowMs) return "fast";
  return "correct";
}

export function proposeExerciseRating(o: ProposeExerciseRatingOptions): TRating {
  return RATING[exerciseRatingReason(o)];
}
