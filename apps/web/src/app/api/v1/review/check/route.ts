// POST /api/v1/review/check — checks an exercise answer against the variant shown, without
// recording a review: `{ correct, mistake, answer, solutionHtml, proposedRating }`.
import { NextResponse } from "next/server";
import { checkExercise } from "@/features/review/review-steps";
import { ZCheckAnswerBody } from "@/features/review/schema";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute, parseJsonBody } from "@/lib/api";

export const POST = apiRoute(async (ctx) => {
  const body = await parseJsonBody(ctx.request, ZCheckAnswerBody);
  return NextResponse.json(
    await checkExercise({ userId: ctx.userId, ...body, langs: langChoiceOf(ctx.request.headers) }),
  );
});
