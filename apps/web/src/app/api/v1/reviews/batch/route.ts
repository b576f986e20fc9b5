// POST /api/v1/reviews/batch — `{ sentAt?, reviews: [{ requestId, cardId, rating?, answer?,
// durationMs, reviewedAt }] }`: reviews given offline, each scheduled at its own time in order,
// exactly once per requestId (across batches). One outcome per review.
import { NextResponse } from "next/server";
import { postReviewBatch } from "@/features/offline/window-api";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute } from "@/lib/api";
import { parseJsonText } from "@/lib/api-core";

export const POST = apiRoute(async (ctx) => {
  const r = await postReviewBatch(
    ctx.userId,
    parseJsonText(await ctx.request.text()),
    new Date(),
    langChoiceOf(ctx.request.headers),
  );
  return NextResponse.json(r.body, { status: r.status });
});
