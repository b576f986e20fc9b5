import type { Db } from "../client.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { parseInput, ZCreateGroup } from "./schema.ts";

/** Renames a group (owners and the admin). The address stays, so invite links keep working. */
export async function renameGroup(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  name: unknown;
}): Promise<void> {
  const { db, actor, groupId } = options;
  await requireGroupPermission({ db, actor, groupId, action: "group.manage" });
  const { name } = parseInput(ZCreateGroup.pick({ name: true }), { name: options.name });
  await db.group.update({ where: { id: groupId }, data: { name } });
}

/**
 * Deletes a group with its memberships, invites and presets (owners and the admin). Decks and
 * every learner's reviews stay: decks may be used by other groups, reviews belong to learners.
 */
export async function deleteGroup(options: {
  db: Db;
  actor: Actor;
  groupId: string;
}): Promise<void> {
  const { db, actor, groupId } = options;
  await requireGroupPermission({ db, actor, groupId, action: "group.manage" });
  await db.group.delete({ where: { id: groupId } });
}
