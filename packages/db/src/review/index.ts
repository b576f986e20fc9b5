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
export { type LearnerDay, learnerDay } from "../scheduling/learner-day.ts";
export {
  type BuildReviewQueueOptions,
  buildReviewQueue,
  type QueueCard,
  type QueueCounts,
  type QueueKind,
  type ReviewQueue,
} from "./build-review-queue.ts";
export { buryCard } from "./bury-card.ts";
export type { ExerciseEngine } from "./exercise-engine.ts";
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
export { importReviewLogCsv } from "./import-review-log-csv.ts";
export { resetNewCardCursor } from "./mutations.ts";
export { type IntervalPreview, previewIntervals } from "./preview-intervals.ts";
export { proposeExerciseRating } from "./propose-exercise-rating.ts";
export { DEFAULT_PRESET } from "./resolve-review-settings.ts";
export { parseReviewLogCsv, REVIEW_LOG_CSV_COLUMNS } from "./review-log-csv.ts";
export { type ReviewLogPageRow, reviewLogPages } from "./review-log-pages.ts";
export type { TLearnerOverrides, TReviewSettings } from "./schema.ts";
export { setDesiredRetention } from "./set-desired-retention.ts";
export { type SubmitReviewResult, submitReview } from "./submit-review.ts";
export { suspendCard } from "./suspend-card.ts";
export { undoLastReview } from "./undo-last-review.ts";
export { unsuspendCard } from "./unsuspend-card.ts";
