// GET /api/v1/review/next?deck=ID — the next card (rendered front, context, counts, intervals;
// for exercises the variant's question). `card` is null when nothing is due.
import { AppError } from "@strides/content";
import { NextResponse } from "next/server";
import { loadReviewStep } from "@/features/review/data";
import { ZNextQuery } from "@/features/review/schema";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async (ctx) => {
  const params = Object.fromEntries(new URL(ctx.request.url).searchParams);
  const query = ZNextQuery.safeParse(params);
  if (!query.success) throw new AppError("BAD_INPUT", "deck: must be a deck id", { field: "deck" });
  const step = await loadReviewStep({
    userId: ctx.userId,
    deck: query.data.deck,
    now: new Date(),
    prefetch: query.data.prefetch === "1",
  });
  return NextResponse.json(step);
});
