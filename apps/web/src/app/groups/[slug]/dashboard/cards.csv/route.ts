// GET the dashboard's card table as CSV, every card of the window (staff of the group only).
import { AppError } from "@strides/content";
import { cardsCsv, getDashboardCards, loadActor } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { findDashboardGroup } from "../load-dashboard";

export const GET = apiRoute<{ slug: string }>(async (ctx, { slug }) => {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  const group = await findDashboardGroup(slug);
  const cards = await getDashboardCards({ db, actor, groupId: group.id, now: new Date() });
  return new Response(`\uFEFF${cardsCsv(cards)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-cards.csv"`,
    },
  });
});
