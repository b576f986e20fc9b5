// The review loop's request bodies (zod) and the views the server sends to the review screen.
// Shared by the JSON API, the server actions and the client component (types only there).
import { z } from "zod";

const ZDeckId = z.string().min(1).max(100);

export const ZRatingValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** POST /api/v1/reviews */
export const ZSubmitReviewBody = z
  .object({
    requestId: z.string().min(8).max(200),
    cardId: z.string().min(1).max(100),
    rating: ZRatingValue.optional(),
    answer: z.string().max(2000).optional(),
    durationMs: z.number().int().min(0).max(86_400_000),
    /** Where the next card comes from (default: every deck of the learner). */
    deck: ZDeckId.optional(),
    /** Also return the card after the next one (`next.upcoming`). */
    prefetch: z.boolean().optional(),
  })
  .refine((b) => b.rating !== undefined || b.answer !== undefined, {
    message: "give a rating or an answer",
    path: ["rating"],
  });
export type TSubmitReviewBody = z.infer<typeof ZSubmitReviewBody>;

/** POST /api/v1/review/check: checks an exercise answer without recording a review. */
export const ZCheckAnswerBody = z.object({
  cardId: z.string().min(1).max(100),
  answer: z.string().min(1).max(2000),
  durationMs: z.number().int().min(0).max(86_400_000),
});

/** POST /api/v1/reviews/undo, /api/v1/cards/{id}/suspend, /api/v1/cards/{id}/bury */
export const ZDeckScopeBody = z.object({ deck: ZDeckId.optional() });

/** GET /api/v1/review/next?deck=ID */
export const ZNextQuery = z.object({
  deck: ZDeckId.optional(),
  prefetch: z.enum(["0", "1"]).optional(),
});

export type TRatingValue = 1 | 2 | 3 | 4;

export interface TQueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface TIntervalView {
  rating: TRatingValue;
  /** "10m", "3d" … */
  label: string;
  /** The interval itself (the screen labels it in the page's language). */
  ms: number;
}

/** A card as the review screen shows it: HTML rendered on the server (Markdown + KaTeX). */
export interface TCardView {
  id: string;
  deckId: string;
  kind: "basic" | "cloze" | "listRecall" | "exercise";
  queue: "new" | "learning" | "review";
  /** Heading path of the source note. */
  context: string[];
  tags: string[];
  source: { file: string | null; lineStart: number | null; lineEnd: number | null; href: string };
  frontHtml: string;
  /** Empty for exercises (the worked solution comes with the check). */
  backHtml: string;
  extraHtml: string | null;
  /** List-recall cards: the items to tick. */
  items: { html: string; detailHtml: string | null }[] | null;
  ordered: boolean;
  exercise: { questionHtml: string; answerFormat: string; seed: number } | null;
  intervals: TIntervalView[];
  /** Instructors: where to edit the card. */
  editHref: string | null;
}

export interface TReviewStep {
  card: TCardView | null;
  counts: TQueueCounts;
  /** When the session is over: the next time a card falls due (ISO). */
  nextDue: string | null;
  /**
   * The card expected after `card` (asked for with `prefetch`; an exercise with the variant the
   * service will fix when it shows it): the screen shows it at once after a rating, then reconciles
   * with the server's answer.
   */
  upcoming?: TCardView | null;
}

export interface TExerciseCheckView {
  correct: boolean;
  mistake: { code: string; message: string } | null;
  understood: string | null;
  /** The canonical answer. */
  answer: string;
  solutionHtml: string;
  proposedRating: TRatingValue;
  /** Why that rating is proposed (answer checks only; null after a recorded review). */
  reason: "wrong" | "slow" | "firstCorrect" | "fast" | "correct" | null;
  /** The deck's desired retention (the reason "firstCorrect" refers to it). */
  retention: number | null;
}

export interface TReviewResult {
  review: {
    id: string;
    cardId: string;
    rating: number;
    dueAfter: string;
    duplicate: boolean;
    correct: boolean | null;
  };
  check: TExerciseCheckView | null;
  next: TReviewStep;
}
