// GET the dashboard's member table as CSV (staff of the group only).
import { AppError } from "@strides/content";
import { getDashboardMembers, loadActor, membersCsv } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { findDashboardGroup } from "../load-dashboard";

export const GET = apiRoute<{ slug: string }>(async (ctx, { slug }) => {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  const group = await findDashboardGroup(slug);
  const members = await getDashboardMembers({ db, actor, groupId: group.id, now: new Date() });
  return new Response(`\uFEFF${membersCsv(members)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-members.csv"`,
    },
  });
});
