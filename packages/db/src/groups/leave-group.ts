import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/** A group always keeps an owner: the last one can neither leave nor be demoted or removed. */
export async function assertNotLastOwner(options: {
  tx: Prisma.TransactionClient;
  groupId: string;
  userId: string;
}): Promise<void> {
  const { tx, groupId, userId } = options;
  const m = await tx.membership.findUnique({
    where: { groupId_userId: { groupId, userId } },
    select: { role: true },
  });
  if (m?.role !== "owner") return;
  const owners = await tx.membership.count({ where: { groupId, role: "owner" } });
  if (owners <= 1) {
    throw new AppError("CONFLICT", "the group's last owner cannot leave or lose the role", {
      key: "lastOwner",
    });
  }
}

export async function leaveGroup(options: {
  db: Db;
  actor: Actor;
  groupId: string;
}): Promise<void> {
  const { db, actor, groupId } = options;
  await requireGroupPermission({ db, actor, groupId, action: "group.leave" });
  await db.$transaction(async (tx) => {
    await assertNotLastOwner({ tx, groupId, userId: actor.userId });
    await tx.membership.delete({ where: { groupId_userId: { groupId, userId: actor.userId } } });
  });
}
