import type { Db } from "../client.ts";
import type { Actor } from "./permissions.ts";

export interface GroupListItem {
  id: string;
  name: string;
  slug: string;
  role: string | null;
  memberCount: number;
  deckCount: number;
}

/** The actor's groups (the admin sees every group, with role null where not a member). */
export async function listGroupsForUser(options: {
  db: Db;
  actor: Actor;
}): Promise<GroupListItem[]> {
  const { db, actor } = options;
  const groups = await db.group.findMany({
    where:
      actor.instanceRole === "admin" ? {} : { memberships: { some: { userId: actor.userId } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      memberships: { where: { userId: actor.userId }, select: { role: true } },
      _count: { select: { memberships: true, decks: true } },
    },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    slug: g.slug,
    role: g.memberships[0]?.role ?? null,
    memberCount: g._count.memberships,
    deckCount: g._count.decks,
  }));
}
