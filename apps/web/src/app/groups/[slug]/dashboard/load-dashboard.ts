import "server-only";
import { AppError } from "@strides/content";
import { type Actor, getGroupDashboard } from "@strides/db";
import { db } from "@/lib/db";

export async function findDashboardGroup(slug: string) {
  const group = await db.group.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!group) throw new AppError("NOT_FOUND", "group not found");
  return group;
}

/** The dashboard with one page of its card table (`cardPage`, from 1). */
export async function loadDashboard(actor: Actor, slug: string, cardPage = 1) {
  const group = await findDashboardGroup(slug);
  const dashboard = await getGroupDashboard({
    db,
    actor,
    groupId: group.id,
    now: new Date(),
    cardPage,
  });
  return { group, dashboard };
}
