// The offline review's request bodies (zod) and the views the server sends for it. Shared by the
// JSON API (window and batch routes) and the browser (types only there).
import { z } from "zod";
import type { TCardView, TQueueCounts, TRatingValue } from "@/features/review/schema";
import { ZRatingValue } from "@/features/review/schema";
import { BATCH_MAX } from "./limits";

/** GET /api/v1/review/window?deck=ID */
export const ZWindowQuery = z.object({ deck: z.string().min(1).max(100).optional() });

/** One review given offline, as the device queued it. */
export const ZOfflineReview = z
  .object({
    requestId: z.string().min(8).max(200),
    cardId: z.string().min(1).max(100),
    rating: ZRatingValue.optional(),
    answer: z.string().max(2000).optional(),
    durationMs: z.number().int().min(0).max(86_400_000),
    /** ISO 8601 with a time zone: when the learner rated the card, on the device's clock. */
    reviewedAt: z.iso.datetime({ offset: true }),
  })
  .refine((b) => b.rating !== undefined || b.answer !== undefined, {
    message: "give a rating or an answer",
    path: ["rating"],
  });
export type TOfflineReview = z.infer<typeof ZOfflineReview>;

/** POST /api/v1/reviews/batch */
export const ZReviewBatchBody = z.object({
  /** The device's clock when it sent the batch (for the clock-skew correction). */
  sentAt: z.iso.datetime({ offset: true }).optional(),
  /** The account the device queued the reviews for: refused (409) when another one is signed in. */
  forUser: z.string().min(1).max(200).optional(),
  reviews: z.array(ZOfflineReview).min(1).max(BATCH_MAX),
});
export type TReviewBatchBody = z.infer<typeof ZReviewBatchBody>;

export interface TBatchOutcomeView {
  requestId: string;
  cardId: string;
  status: "recorded" | "duplicate" | "refused";
  /** The instant the server scheduled the review at (ISO). */
  reviewedAt: string;
  dueAfter?: string;
  correct?: boolean | null;
  reason?: {
    code: string;
    message: string;
    key?: string;
    params?: Record<string, string | number>;
  };
}

export interface TReviewBatchResult {
  skewMs: number;
  outcomes: TBatchOutcomeView[];
}

/** What the browser needs to check an exercise's answer offline (the variant's expected answer). */
export interface TOfflineCheck {
  lang: "ko" | "en";
  expected: unknown;
  mistakes: { code: string; message: string; expected: unknown }[];
  answer: string;
  solutionHtml: string;
  easyBelowMs: number;
  hardAfterMs: number;
  /** The card was new when the window was read (a first right answer proposes Good). */
  isNew: boolean;
  retention: number | null;
}

export interface TWindowCard {
  card: TCardView;
  day: "today" | "next";
  /** ISO: shown offline from then on. */
  from: string;
  check: TOfflineCheck | null;
}

export interface TReviewWindowView {
  /** The account the window belongs to (a batch is sent for it only). */
  userId: string;
  generatedAt: string;
  /** The learner's current day ends (ISO): today's counts hold until then. */
  dayEnd: string;
  counts: TQueueCounts;
  cards: TWindowCard[];
}

export type { TRatingValue };
