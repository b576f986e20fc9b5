import "server-only";
import { AppError } from "@strides/content";
import { type Actor, countDueTodayForMembers, getGroupDashboard } from "@strides/db";
import { db } from "@/lib/db";

export async function loadDashboard(actor: Actor, slug: string) {
  const group = await db.group.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!group) throw new AppError("NOT_FOUND", "group not found");
  const now = new Date();
  const dashboard = await getGroupDashboard({ db, actor, groupId: group.id, now });
  // "Due today" as the learner's own home and review screen count it (packages/db count-due-today).
  const links = await db.groupDeck.findMany({
    where: { groupId: group.id },
    select: { deckId: true },
  });
  const due = await countDueTodayForMembers({
    db,
    userIds: dashboard.members.map((m) => m.userId),
    deckIds: links.map((l) => l.deckId),
    now,
  });
  const members = dashboard.members.map((m) => ({
    ...m,
    dueToday: due.get(m.userId)?.due ?? m.dueToday,
  }));
  return { group, dashboard: { ...dashboard, members } };
}
