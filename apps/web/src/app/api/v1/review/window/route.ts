// GET /api/v1/review/window?deck=ID — the cards a device keeps for reviewing offline: the rest of
// today's queue (up to 200) and the next day's first 20, rendered, with interval previews and, for
// exercises, the variant the server will fix (with what the browser needs to check the answer).
import { NextResponse } from "next/server";
import { getWindow } from "@/features/offline/window-api";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async (ctx) => {
  const params = Object.fromEntries(new URL(ctx.request.url).searchParams);
  const r = await getWindow(ctx.userId, params, new Date(), langChoiceOf(ctx.request.headers));
  return NextResponse.json(r.body, {
    status: r.status,
    headers: { "Cache-Control": "private, no-store" },
  });
});
