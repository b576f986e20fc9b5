// Which variant of an exercise card a learner sees, and how their answer to it is graded: one rule
// for every screen that shows an exercise (the next card, the upcoming card, the offline window, a
// card shown again after undo) and for every check of an answer (the check before rating, the
// review itself), so the answer is always checked against the variant the learner saw.
import {
  type AnswerCheck,
  AppError,
  type ExerciseRatingReason,
  type ExerciseVariant,
  exerciseRatingReason,
  type ProposeExerciseRatingOptions,
  proposeExerciseRating,
} from "@strides/content";
import type { TRating } from "../scheduling/fsrs-adapter.ts";
import { contentExerciseEngine, type ExerciseEngine, variantSeedFor } from "./exercise-engine.ts";
import { type ExerciseLangChoice, exerciseLangOf } from "./exercise-lang.ts";
import { ZExerciseCardContent } from "./schema.ts";

/** The learner's state of the card, as far as the variant depends on it (null: never seen). */
export interface VariantState {
  /** The seed fixed when the card was shown (cleared by a review). */
  variantSeed: number | null;
  reps: number;
}

/** Who sees the variant, in which language (their saved locale, the page's and browser's). */
export interface VariantViewer extends ExerciseLangChoice {
  userId: string;
  locale: string | null;
  /** The exercise engine (tests pass a small deterministic one); default the content package's. */
  engine?: ExerciseEngine | undefined;
}

export interface LearnerVariant {
  variant: ExerciseVariant;
  /** The seed is stored on the card state (it was shown); false: the rule's seed, not stored yet. */
  fixed: boolean;
}

/**
 * The seed of the variant the learner sees: the one fixed when the card was shown, else the seed
 * rule's for the card's current repetition (stable for a showing, new after the next review).
 */
export function variantSeedOf(
  userId: string,
  cardId: string,
  state: VariantState | null,
): { seed: number; fixed: boolean } {
  const fixed = state?.variantSeed;
  if (fixed !== null && fixed !== undefined) return { seed: fixed, fixed: true };
  return { seed: variantSeedFor(userId, cardId, state?.reps ?? 0), fixed: false };
}

/**
 * The variant of exercise card `card` (its content parsed from Card.content) that `viewer` sees:
 * generated from the seed `variantSeedOf` decides, in the viewer's exercise language, within the
 * card's parameter ranges.
 */
export function variantFor(
  card: { id: string; content: unknown },
  state: VariantState | null,
  viewer: VariantViewer,
): LearnerVariant {
  const content = ZExerciseCardContent.parse(card.content);
  const { seed, fixed } = variantSeedOf(viewer.userId, card.id, state);
  const variant = (viewer.engine ?? contentExerciseEngine).generateExercise(content.generator, {
    seed,
    lang: exerciseLangOf(viewer.locale, viewer),
    ...(content.params ? { ranges: content.params } : {}),
  });
  return { variant, fixed };
}

/**
 * The variant the learner was shown, to check an answer against: CONFLICT when none was fixed (the
 * card was not shown since its last review), naming `field` as the input that cannot be taken.
 */
export function shownVariantFor(
  card: { id: string; content: unknown },
  state: VariantState | null,
  viewer: VariantViewer,
  field: "answer" | "cardId",
): ExerciseVariant {
  if (state?.variantSeed === null || state?.variantSeed === undefined) {
    throw new AppError(
      "CONFLICT",
      "this exercise was not shown (no variant fixed); load it first",
      {
        field,
        key: "exerciseNotShown",
      },
    );
  }
  return variantFor(card, state, viewer).variant;
}

export interface GradedAnswer {
  check: AnswerCheck;
  proposedRating: TRating;
  /** Why that rating is proposed (wrong, slow, first correct, fast, correct). */
  reason: ExerciseRatingReason;
}

/**
 * Checks `answer` against the variant and proposes a rating from correctness and time (the deck's
 * `easyBelowMs` / `hardAfterMs`; a first correct answer of a new card is never proposed Easy).
 */
export function gradeExerciseAnswer(
  variant: ExerciseVariant,
  answer: string,
  o: {
    durationMs: number;
    easyBelowMs: number;
    hardAfterMs: number;
    /** The card was new (never rated) when answered. */
    isNew: boolean;
    engine?: ExerciseEngine | undefined;
  },
): GradedAnswer {
  const check = (o.engine ?? contentExerciseEngine).checkExerciseAnswer(variant, answer);
  const rating: ProposeExerciseRatingOptions = {
    correct: check.correct,
    durationMs: o.durationMs,
    easyBelowMs: o.easyBelowMs,
    hardAfterMs: o.hardAfterMs,
    isNew: o.isNew,
  };
  return {
    check,
    proposedRating: proposeExerciseRating(rating),
    reason: exerciseRatingReason(rating),
  };
}
