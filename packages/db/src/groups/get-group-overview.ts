import type { Db } from "../client.ts";
import { type Actor, can } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/**
 * A group as its viewer may see it: name, decks and the viewer's role for everyone; members,
 * invites and presets only for those who manage the group.
 */
export async function getGroupOverview(options: { db: Db; actor: Actor; slug: string }) {
  const { db, actor } = options;
  const found = await db.group.findUnique({ where: { slug: options.slug }, select: { id: true } });
  const groupId = found?.id ?? "";
  const role = await requireGroupPermission({ db, actor, groupId, action: "group.view" });
  const staff = can({ actor, action: "members.list", group: { role } });
  const group = await db.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      slug: true,
      decks: {
        orderBy: { createdAt: "asc" },
        select: {
          deck: {
            select: {
              id: true,
              slug: true,
              name: true,
              _count: { select: { cards: { where: { retiredAt: null } } } },
            },
          },
          preset: staff,
        },
      },
    },
  });
  const members = staff
    ? await db.membership.findMany({
        where: { groupId },
        orderBy: { createdAt: "asc" },
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
      })
    : [];
  const invites = staff
    ? await db.invite.findMany({
        where: { groupId, revokedAt: null },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          role: true,
          expiresAt: true,
          maxUses: true,
          uses: true,
          createdAt: true,
        },
      })
    : [];
  return {
    id: group.id,
    name: group.name,
    slug: group.slug,
    role,
    canManage: staff,
    isOwner: can({ actor, action: "members.changeRole", group: { role } }),
    decks: group.decks.map((d) => ({
      id: d.deck.id,
      slug: d.deck.slug,
      name: d.deck.name,
      cardCount: d.deck._count.cards,
      preset: d.preset ?? null,
    })),
    members: members.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt })),
    invites,
  };
}
export type GroupOverview = Awaited<ReturnType<typeof getGroupOverview>>;
