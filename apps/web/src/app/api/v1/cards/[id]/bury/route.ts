// POST /api/v1/cards/{id}/bury — bury the card for the learner; returns the next card.
import { NextResponse } from "next/server";
import { setAsideCardStep } from "@/features/review/review-steps";
import { ZDeckScopeBody } from "@/features/review/schema";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute, parseJsonBody } from "@/lib/api";

export const POST = apiRoute<{ id: string }>(async (ctx, params) => {
  const hasBody = (ctx.request.headers.get("content-length") ?? "0") !== "0";
  const body = hasBody ? await parseJsonBody(ctx.request, ZDeckScopeBody) : {};
  const next = await setAsideCardStep({
    userId: ctx.userId,
    cardId: params.id,
    how: "bury",
    deck: body.deck,
    now: new Date(),
    langs: langChoiceOf(ctx.request.headers),
  });
  return NextResponse.json(next);
});
