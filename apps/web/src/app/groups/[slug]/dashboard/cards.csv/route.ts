// GET the dashboard's card table as CSV (staff of the group only).
import { AppError } from "@strides/content";
import { cardsCsv, loadActor } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { loadDashboard } from "../load-dashboard";

export const GET = apiRoute<{ slug: string }>(async (ctx, { slug }) => {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  const { dashboard } = await loadDashboard(actor, slug);
  return new Response(`\uFEFF${cardsCsv(dashboard)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-cards.csv"`,
    },
  });
});
