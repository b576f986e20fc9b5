// GET /api/v1/cards/{id} — one card of the learner: content, schedule and review history.
import { getCardDetail } from "@strides/db";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const GET = apiRoute<{ id: string }>(async (ctx, params) => {
  const card = await getCardDetail({ db, userId: ctx.userId, cardId: params.id });
  return NextResponse.json({ card: { ...card, content: JSON.parse(card.content) as unknown } });
});
