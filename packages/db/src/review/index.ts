// The review service's public surface.
export { canReviewDeck } from "../access/can-review-deck.ts";
export {
  CARD_STATE,
  DEFAULT_WEIGHTS,
  FSRS_VERSION,
  type MemoryCard,
  RATING_NAMES,
  type TRating,
} from "../scheduling/fsrs-adapter.ts";
export {
  DEFAULT_LEARNER_DAY,
  type LearnerDay,
  type LearnerDayOptions,
  learnerDay,
  learnerDayOf,
} from "../scheduling/learner-day.ts";
export {
  type BuildReviewQueueOptions,
  buildReviewQueue,
  type QueueCard,
  type QueueCounts,
  type QueueKind,
  type ReviewQueue,
} from "./build-review-queue.ts";
export { buryCard } from "./bury-card.ts";
export {
  type CheckShownExerciseOptions,
  checkShownExercise,
  type ExerciseCheckResult,
} from "./check-shown-exercise.ts";
export type { ExerciseEngine } from "./exercise-engine.ts";
export {
  type ExerciseLang,
  type ExerciseLangChoice,
  exerciseLangOf,
} from "./exercise-lang.ts";
export {
  type LearnerVariant,
  type VariantState,
  type VariantViewer,
  variantFor,
} from "./exercise-variant.ts";
export { exportReviewLogCsv, streamReviewLogCsv } from "./export-review-log-csv.ts";
export { fitFsrsParameters } from "./fit-fsrs-parameters.ts";
export { forgetCard } from "./forget-card.ts";
export {
  type GetNextCardResult,
  getNextCard,
  type NextCard,
  type ShownCard,
  type ShownExercise,
} from "./get-next-card.ts";
export {
  getReviewWindow,
  REVIEW_WINDOW_CAP,
  REVIEW_WINDOW_NEXT_DAY,
  type ReviewWindow,
  type ReviewWindowCard,
} from "./get-review-window.ts";
export { importReviewLogCsv } from "./import-review-log-csv.ts";
export { type DueCard, listDueCards } from "./list-due-cards.ts";
export { type IntervalPreview, previewIntervals } from "./preview-intervals.ts";
export { DEFAULT_PRESET } from "./resolve-review-settings.ts";
export { parseReviewLogCsv, REVIEW_LOG_CSV_COLUMNS } from "./review-log-csv.ts";
export { type ReviewLogPageRow, reviewLogPages } from "./review-log-pages.ts";
export type { LearnerContext } from "./review-reads.ts";
export { resetNewCardCursor } from "./review-writes.ts";
export type { TLearnerOverrides, TReviewSettings } from "./schema.ts";
export { ZExerciseCardContent } from "./schema.ts";
export { setDesiredRetention } from "./set-desired-retention.ts";
export { queueKindOf, type ShowLearnerCardOptions, showLearnerCard } from "./show-learner-card.ts";
export { type SubmitReviewResult, submitReview } from "./submit-review.ts";
export {
  type BatchOutcome,
  FUTURE_ALLOWANCE_MS,
  OFFLINE_MAX_AGE_MS,
  type OfflineReview,
  REVIEW_BATCH_MAX,
  SKEW_TOLERANCE_MS,
  type SubmitReviewBatchResult,
  skewCorrection,
  submitReviewBatch,
} from "./submit-review-batch.ts";
export { suspendCard } from "./suspend-card.ts";
export { undoLastReview } from "./undo-last-review.ts";
export { unsuspendCard } from "./unsuspend-card.ts";
