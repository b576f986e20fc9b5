// Checks an exercise answer against the variant the learner was shown, without recording anything:
// the review screen shows the result and the proposed rating, the learner confirms with a rating
// (submitReview then checks the same answer against the same variant).
import type { AnswerCheck, ExerciseRatingReason, ExerciseVariant } from "@strides/content";
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { CARD_STATE, type TRating } from "../scheduling/fsrs-adapter.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";
import type { ExerciseLangChoice } from "./exercise-lang.ts";
import { gradeExerciseAnswer, shownVariantFor } from "./exercise-variant.ts";
import { loadCardForLearner } from "./review-reads.ts";

export interface CheckShownExerciseOptions extends ExerciseLangChoice {
  db: Db;
  userId: string;
  cardId: string;
  answer: string;
  durationMs: number;
  exercises?: ExerciseEngine;
}

export interface ExerciseCheckResult {
  check: AnswerCheck;
  variant: ExerciseVariant;
  proposedRating: TRating;
  reason: ExerciseRatingReason;
  /** The deck's desired retention for the learner (the screen explains the rating with it). */
  retention: number;
}

/**
 * NOT_FOUND for a card the learner may not review, BAD_INPUT for a card that is not an exercise,
 * CONFLICT (exerciseNotShown) when no variant was fixed (the card was not shown).
 */
export async function checkShownExercise(
  o: CheckShownExerciseOptions,
): Promise<ExerciseCheckResult> {
  const { card, state, settings, ctx } = await loadCardForLearner(o.db, o.userId, o.cardId);
  if (card.kind !== "exercise") {
    throw new AppError("BAD_INPUT", "cardId: only exercise cards take an answer", {
      field: "cardId",
      key: "notAnExercise",
    });
  }
  const viewer = { ...o, locale: ctx.locale, engine: o.exercises };
  const variant = shownVariantFor(
    { id: card.id, content: JSON.parse(card.content) as unknown },
    state,
    viewer,
    "cardId",
  );
  const graded = gradeExerciseAnswer(variant, o.answer, {
    durationMs: o.durationMs,
    easyBelowMs: settings.easyBelowMs,
    hardAfterMs: settings.hardAfterMs,
    isNew: (state?.state ?? CARD_STATE.new) === CARD_STATE.new,
    engine: o.exercises,
  });
  return { ...graded, variant, retention: settings.desiredRetention };
}
