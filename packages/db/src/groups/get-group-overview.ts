import type { Db } from "../client.ts";
import { PAGE_SIZE, readPage } from "../paging.ts";
import { type Actor, can, isGroupRole } from "./permissions.ts";
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
          managed: true,
          user: { select: { id: true, name: true, email: true, role: true } },
        },
      });
      // Whether a managed account is in another group too (then its reset is the admin's alone).
      const managedIds = rows.filter((m) => m.managed).map((m) => m.user.id);
      const groupsOf = new Map(
        managedIds.length === 0
          ? []
          : (
              await db.membership.groupBy({
                by: ["userId"],
                where: { userId: { in: managedIds } },
                _count: { _all: true },
              })
            ).map((g) => [g.userId, g._count._all]),
      );
      return rows.map((m) => ({
        id: m.user.id,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        joinedAt: m.createdAt,
        /** member.resetPassword for this viewer, through this group. */
        canResetPassword: can({
          actor,
          action: "member.resetPassword",
          group: { role },
          target: {
            userId: m.user.id,
            instanceRole: m.user.role === "admin" ? "admin" : "user",
            role: isGroupRole(m.role) ? m.role : null,
            managedHere: m.managed && groupsOf.get(m.user.id) === 1,
          },
        }),
      }));
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
