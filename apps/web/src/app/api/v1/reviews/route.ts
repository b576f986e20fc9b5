// POST /api/v1/reviews — `{ requestId, cardId, rating?, answer?, durationMs, deck? }` records one
// review (idempotent on requestId) and returns its result and the next card.
import { NextResponse } from "next/server";
import { submitReviewStep } from "@/features/review/data";
import { ZSubmitReviewBody } from "@/features/review/schema";
import { apiRoute, parseJsonBody } from "@/lib/api";

export const POST = apiRoute(async (ctx) => {
  const body = await parseJsonBody(ctx.request, ZSubmitReviewBody);
  const result = await submitReviewStep({ userId: ctx.userId, body, now: new Date() });
  return NextResponse.json(result, { status: result.review.duplicate ? 200 : 201 });
});
