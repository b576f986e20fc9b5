import "server-only";
import {
  type Actor,
  findGroupBySlug,
  getGroupDashboard,
  requireGroupPermission,
} from "@strides/db";
import { costBoundedCache } from "@/lib/cost-bounded-cache";
import { db } from "@/lib/db";

/** The dashboard's group by its slug (NOT_FOUND when none); access is checked by what follows. */
export function findDashboardGroup(slug: string) {
  return findGroupBySlug({ db, slug });
}

/**
 * A school's dashboard costs ~0.1 s of database work: reused for 10× what it cost (about a second
 * there, never more than 30 s), so an instructor refreshing it, or several staff opening it at once,
 * cannot take more than a tenth of the server from the learners reviewing; a small group's is
 * computed afresh on every request.
 */
const dashboards = costBoundedCache<Awaited<ReturnType<typeof getGroupDashboard>>>({
  reuseFactor: 10,
  maxAgeMs: 30_000,
  maxEntries: 200,
});

/** The dashboard with one page of its card table (`cardPage`, from 1), and when it was computed. */
export async function loadDashboard(actor: Actor, slug: string, cardPage = 1) {
  const group = await findDashboardGroup(slug);
  // Every request is authorized; only the figures are shared.
  await requireGroupPermission({ db, actor, groupId: group.id, action: "dashboard.view" });
  const { value: dashboard, computedAt } = await dashboards.get(`${group.id}:${cardPage}`, () =>
    getGroupDashboard({ db, actor, groupId: group.id, now: new Date(), cardPage }),
  );
  return { group, dashboard, computedAt };
}
