import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { assertNotLastOwner } from "./leave-group.ts";
import { type Actor, assignableRoles, isGroupRole } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/** Removes a member. Instructors remove members only; owners (and the admin) anyone but the last owner. */
export async function removeMember(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  userId: string;
}): Promise<void> {
  const { db, actor, groupId, userId } = options;
  const role = await requireGroupPermission({ db, actor, groupId, action: "members.remove" });
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: { role: true },
    });
    if (!target) {
      throw new AppError("NOT_FOUND", "not a member of this group", { key: "notAMember" });
    }
    const allowed = assignableRoles({ actor, role });
    if (!isGroupRole(target.role) || !allowed.includes(target.role)) {
      throw new AppError("FORBIDDEN", `you cannot remove a ${target.role}`, {
        key: "cannotRemoveRole",
      });
    }
    await assertNotLastOwner({ tx, groupId, userId });
    await tx.membership.delete({ where: { groupId_userId: { groupId, userId } } });
  });
}
