// Zod schemas and types of the review service.
import { ZParamRanges } from "@strides/content";
import { z } from "zod";

export const ZRating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type TRatingValue = z.infer<typeof ZRating>;

export const ZLeechAction = z.enum(["suspend", "tag"]);

/** Options a learner may override (only those the preset lists in `learnerOverridable`). */
export const ZLearnerOverrides = z
  .object({
    desiredRetention: z.number().min(0.7).max(0.99),
    newPerDay: z.number().int().min(0).max(9999),
    reviewsPerDay: z.number().int().min(0).max(99999),
    maximumInterval: z.number().int().min(1).max(36500),
    learningSteps: z.string(),
    relearningSteps: z.string(),
    enableFuzz: z.boolean(),
  })
  .partial();
export type TLearnerOverrides = z.infer<typeof ZLearnerOverrides>;

/** Everything the scheduler and the queue need for one learner and one deck. */
export interface TReviewSettings {
  presetId: string | null;
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: string[];
  relearningSteps: string[];
  maximumInterval: number;
  enableFuzz: boolean;
  leechThreshold: number;
  leechAction: "suspend" | "tag";
  easyBelowMs: number;
  hardAfterMs: number;
  /** FSRS parameters in use and where they come from. */
  weights: number[] | null;
  weightsSource: "learner" | "group" | "default";
  /** The group through which the learner sees the deck. */
  groupId: string;
}

/** The exact card state before a review, stored in ReviewLog.previous for undo. */
export const ZStateSnapshot = z.object({
  state: z.number().int(),
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: z.iso.datetime().nullable(),
  suspended: z.boolean(),
  buriedUntil: z.iso.datetime().nullable(),
  leech: z.boolean(),
  variantSeed: z.number().int().nullable(),
  shownAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TStateSnapshot = z.infer<typeof ZStateSnapshot>;

/** Card.content of an exercise card. */
export const ZExerciseCardContent = z.looseObject({
  kind: z.literal("exercise"),
  generator: z.string().min(1),
  params: ZParamRanges.optional(),
});

export const ZSubmitReviewInput = z.object({
  userId: z.string().min(1),
  cardId: z.string().min(1),
  requestId: z.string().min(1).max(200),
  rating: ZRating.optional(),
  answer: z.string().max(2000).optional(),
  durationMs: z.number().int().min(0).max(86_400_000),
});
