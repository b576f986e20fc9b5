// Loads the actor's membership and checks one action; the data functions' one gate. Every page
// asks these (the actor, the group, the membership): they are one indexed row each, read by the
// driver (sqlRunnerOf), not compiled by Prisma on the event loop on every request.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import { sql, str } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { type Actor, can, type GroupAction, type GroupRole, isGroupRole } from "./permissions.ts";

type Reader = Db | Prisma.TransactionClient;

function roleOf(v: unknown): GroupRole | null {
  const role = str(v);
  return role !== null && isGroupRole(role) ? role : null;
}

export async function groupRoleOf(options: {
  db: Reader;
  userId: string;
  groupId: string;
}): Promise<GroupRole | null> {
  const [m] = await sqlRunnerOf(options.db).query(sql`SELECT role FROM "Membership"
    WHERE "groupId" = ${options.groupId} AND "userId" = ${options.userId}`);
  return m ? roleOf(m.role) : null;
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
  // The group and the actor's membership in one statement.
  const [group] = await sqlRunnerOf(db).query(sql`SELECT g.id AS id, m.role AS role
    FROM "Group" g LEFT JOIN "Membership" m ON m."groupId" = g.id AND m."userId" = ${actor.userId}
    WHERE g.id = ${groupId}`);
  if (!group) throw new AppError("NOT_FOUND", "group not found", { key: "groupNotFound" });
  const role = roleOf(group.role);
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
  const [u] = await sqlRunnerOf(options.db).query(
    sql`SELECT id, role FROM "user" WHERE id = ${options.userId}`,
  );
  return u ? { userId: String(u.id), instanceRole: u.role === "admin" ? "admin" : "user" } : null;
}
