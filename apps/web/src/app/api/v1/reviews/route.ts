// POST /api/v1/reviews — `{ requestId, cardId, rating?, answer?, durationMs, deck? }` records one
// review (idempotent on requestId) and returns its result and the next card. With a bearer token,
// the production server answers this path directly (src/server/review-route.ts), the same way.
import { NextResponse } from "next/server";
import { postReview } from "@/features/review/review-api";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute } from "@/lib/api";
import { parseJsonText } from "@/lib/api-core";

export const POST = apiRoute(async (ctx) => {
  const r = await postReview(
    ctx.userId,
    parseJsonText(await ctx.request.text()),
    new Date(),
    langChoiceOf(ctx.request.headers),
  );
  return NextResponse.json(r.body, { status: r.status });
});
