// POST /api/v1/reviews/undo — takes back the learner's last review; returns that card again.
import { NextResponse } from "next/server";
import { undoReviewStep } from "@/features/review/review-steps";
import { ZDeckScopeBody } from "@/features/review/schema";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute, parseJsonBody } from "@/lib/api";

export const POST = apiRoute(async (ctx) => {
  const hasBody = (ctx.request.headers.get("content-length") ?? "0") !== "0";
  const body = hasBody ? await parseJsonBody(ctx.request, ZDeckScopeBody) : {};
  return NextResponse.json(
    await undoReviewStep({
      userId: ctx.userId,
      deck: body.deck,
      now: new Date(),
      langs: langChoiceOf(ctx.request.headers),
    }),
  );
});
