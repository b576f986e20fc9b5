import type { Db } from "../client.ts";
import { type Actor, can } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/** Members listed per page of a group's page (a school's group has hundreds, each with controls). */
export const GROUP_MEMBER_PAGE_SIZE = 50;

/**
 * A group as its viewer may see it: name, decks and the viewer's role for everyone; members (one
 * page of them, in the order they joined), invites and presets only for those who manage the group.
 */
export async function getGroupOverview(options: {
  db: Db;
  actor: Actor;
  slug: string;
  /** The page of the member list, from 1; a page past the last gives the last. */
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
  const memberTotal = staff ? await db.membership.count({ where: { groupId } }) : 0;
  const memberPages = Math.max(1, Math.ceil(memberTotal / GROUP_MEMBER_PAGE_SIZE));
  const requested = options.memberPage ?? 1;
  const memberPage = Number.isInteger(requested)
    ? Math.min(Math.max(1, requested), memberPages)
    : 1;
  const members = staff
    ? await db.membership.findMany({
        where: { groupId },
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
        skip: (memberPage - 1) * GROUP_MEMBER_PAGE_SIZE,
        take: GROUP_MEMBER_PAGE_SIZE,
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
    memberTotal,
    memberPage,
    memberPages,
    invites,
  };
}
export type GroupOverview = Awaited<ReturnType<typeof getGroupOverview>>;
