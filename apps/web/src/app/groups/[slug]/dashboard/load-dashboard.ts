import "server-only";
import { type Actor, findGroupBySlug, getGroupDashboard } from "@strides/db";
import { db } from "@/lib/db";

/** The dashboard's group by its slug (NOT_FOUND when none); access is checked by what follows. */
export function findDashboardGroup(slug: string) {
  return findGroupBySlug({ db, slug });
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
