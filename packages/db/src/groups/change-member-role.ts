import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { assertNotLastOwner } from "./leave-group.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { parseInput, ZGroupRole } from "./schema.ts";

export async function changeMemberRole(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  userId: string;
  role: unknown;
}): Promise<void> {
  const { db, actor, groupId, userId } = options;
  await requireGroupPermission({ db, actor, groupId, action: "members.changeRole" });
  const role = parseInput(ZGroupRole, options.role);
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: { role: true },
    });
    if (!target) {
      throw new AppError("NOT_FOUND", "not a member of this group", { key: "notAMember" });
    }
    if (target.role === role) return;
    await assertNotLastOwner({ tx, groupId, userId });
    await tx.membership.update({ where: { groupId_userId: { groupId, userId } }, data: { role } });
  });
}
