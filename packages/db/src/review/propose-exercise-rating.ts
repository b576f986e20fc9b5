// The rating proposed for an exercise answer: wrong → Again; right → Good, Easy when faster than
// `easyBelowMs`, Hard when slower than `hardAfterMs` (both from the deck preset).
import type { TRating } from "../scheduling/fsrs-adapter.ts";

export interface ProposeExerciseRatingOptions {
  correct: boolean;
  durationMs: number;
  easyBelowMs: number;
  hardAfterMs: number;
}

export function proposeExerciseRating(o: ProposeExerciseRatingOptions): TRating {
  if (!o.correct) return 1;
  if (o.durationMs < o.easyBelowMs) return 4;
  if (o.durationMs > o.hardAfterMs) return 2;
  return 3;
}
