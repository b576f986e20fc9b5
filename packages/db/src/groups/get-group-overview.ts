import type { Db } from "../client.ts";
import { PAGE_SIZE, readPage } from "../paging.ts";
import { type Actor, can } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/** Members listed per page of a group's page (a school's group has hundreds, each with controls). */
export const GROUP_MEMBER_PAGE_SIZE = PAGE_SIZE;

/**
 * A group as its viewer may see it: name, decks and the viewer's role for everyone; members (one
 * page of them, in the order they joined), invites and presets only for those who manage the group.
 */
export async function getGroupOverview(options: {
  db: Db;
  actor: Actor;
  slug: string;
  /** The page of the member list, from 1 (the paging rule of ../paging.ts). */
  memberPage?: number;
}) {
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
  const members = await readPage(
    { page: options.memberPage ?? 1, pageSize: GROUP_MEMBER_PAGE_SIZE },
    async () => (staff ? db.membership.count({ where: { groupId } }) : 0),
    async (window) => {
      if (!staff) return [];
      const rows = await db.membership.findMany({
        where: { groupId },
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
        ...window,
        select: {
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
      });
      return rows.map((m) => ({ ...m.user, role: m.role, joinedAt: m.createdAt }));
    },
  );
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
    /** One page of the members (none for a viewer who does not manage the group). */
    members,
    invites,
  };
}
export type GroupOverview = Awaited<ReturnType<typeof getGroupOverview>>;
