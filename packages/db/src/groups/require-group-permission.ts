// Loads the actor's membership and checks one action; the data functions' one gate.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import { type Actor, can, type GroupAction, type GroupRole, isGroupRole } from "./permissions.ts";

type Reader = Db | Prisma.TransactionClient;

export async function groupRoleOf(options: {
  db: Reader;
  userId: string;
  groupId: string;
}): Promise<GroupRole | null> {
  const m = await options.db.membership.findUnique({
    where: { groupId_userId: { groupId: options.groupId, userId: options.userId } },
    select: { role: true },
  });
  return m && isGroupRole(m.role) ? m.role : null;
}

/**
 * Throws NOT_FOUND when the group does not exist or the actor may not even see it (no membership:
 * other groups' existence is not revealed), FORBIDDEN when they see it but may not do `action`.
 */
export async function requireGroupPermission(options: {
  db: Reader;
  actor: Actor;
  groupId: string;
  action: GroupAction;
}): Promise<GroupRole | null> {
  const { db, actor, groupId, action } = options;
  const group = await db.group.findUnique({ where: { id: groupId }, select: { id: true } });
  if (!group) throw new AppError("NOT_FOUND", "group not found", { key: "groupNotFound" });
  const role = await groupRoleOf({ db, userId: actor.userId, groupId });
  if (!can({ actor, action: "group.view", group: { role } })) {
    throw new AppError("NOT_FOUND", "group not found", { key: "groupNotFound" });
  }
  if (!can({ actor, action, group: { role } })) {
    throw new AppError("FORBIDDEN", `not allowed: ${action}`, { key: "notAllowed" });
  }
  return role;
}

/** The actor for a user id, with their instance role read from the database. */
export async function loadActor(options: { db: Reader; userId: string }): Promise<Actor | null> {
  const u = await options.db.user.findUnique({
    where: { id: options.userId },
    select: { id: true, role: true },
  });
  return u ? { userId: u.id, instanceRole: u.role === "admin" ? "admin" : "user" } : null;
}
