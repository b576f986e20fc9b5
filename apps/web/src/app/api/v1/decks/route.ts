// GET /api/v1/decks — the learner's decks with today's new / learning / review counts.
import { NextResponse } from "next/server";
import { listDeckOverview } from "@/features/review/review-steps";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async (ctx) => {
  const decks = await listDeckOverview({ userId: ctx.userId, now: new Date() });
  return NextResponse.json({ decks });
});
