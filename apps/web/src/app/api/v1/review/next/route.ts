// GET /api/v1/review/next?deck=ID — the next card (rendered front, context, counts, intervals;
// for exercises the variant's question). `card` is null when nothing is due. With a bearer token,
// the production server answers this path directly (src/server/review-route.ts), the same way.
import { NextResponse } from "next/server";
import { getNextStep } from "@/features/review/review-api";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async (ctx) => {
  const params = Object.fromEntries(new URL(ctx.request.url).searchParams);
  const r = await getNextStep(ctx.userId, params, new Date(), langChoiceOf(ctx.request.headers));
  return NextResponse.json(r.body, { status: r.status });
});
