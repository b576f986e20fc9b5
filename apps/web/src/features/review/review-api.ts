// The review loop's two JSON endpoints, framework-free: the Next route handlers and the production
// server's direct route (src/server/review-route.ts) both call these, so they answer identically.
// One action, three layers: `postReview` (HTTP: validate, status) → `recordReviewAndLoadNext`
// (review-steps.ts: the screen's result and next card, rendered) → `submitReview` (@strides/db).
import "server-only";
import { AppError } from "@strides/content";
import type { ExerciseLangChoice } from "@strides/db";
import { type ApiResult, validate } from "@/lib/api-core";
import { loadReviewStep, recordReviewAndLoadNext } from "./review-steps";
import { ZNextQuery, ZSubmitReviewBody } from "./schema";

/** POST /api/v1/reviews: records a review (idempotent on requestId), answers with the next card. */
export async function postReview(
  userId: string,
  raw: unknown,
  now: Date,
  langs: ExerciseLangChoice = {},
): Promise<ApiResult> {
  const body = validate(raw, ZSubmitReviewBody);
  const result = await recordReviewAndLoadNext({ userId, body, now, langs });
  return { status: result.review.duplicate ? 200 : 201, body: result };
}

/** GET /api/v1/review/next?deck=ID[&prefetch=1]: the next card of the learner's queue. */
export async function getNextStep(
  userId: string,
  params: Record<string, string>,
  now: Date,
  langs: ExerciseLangChoice = {},
): Promise<ApiResult> {
  const query = ZNextQuery.safeParse(params);
  if (!query.success) throw new AppError("BAD_INPUT", "deck: must be a deck id", { field: "deck" });
  const step = await loadReviewStep({
    userId,
    deck: query.data.deck,
    now,
    prefetch: query.data.prefetch === "1",
    langs,
  });
  return { status: 200, body: step };
}
