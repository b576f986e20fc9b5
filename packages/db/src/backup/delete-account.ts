// Deleting one's account: the password is checked; groups the user is the only member of go with
// it; the last owner of a group with other members, or the last admin of an instance with other
// accounts, must hand over first. Everything of the user (reviews, schedules, tokens) is deleted.
import { AppError } from "@strides/content";
import { verifyPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";

export async function deleteAccount(options: {
  db: Db;
  userId: string;
  password: string;
}): Promise<void> {
  const { db, userId } = options;
  const account = await db.account.findFirst({
    where: { userId, providerId: "credential" },
    select: { password: true },
  });
  if (
    !account?.password ||
    !(await verifyPassword({ hash: account.password, password: options.password }))
  ) {
    throw new AppError("BAD_INPUT", "password: wrong password", {
      field: "password",
      key: "wrongPassword",
    });
  }
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
    if (user.role === "admin") {
      const admins = await tx.user.count({ where: { role: "admin" } });
      const users = await tx.user.count();
      if (admins <= 1 && users > 1) {
        throw new AppError(
          "CONFLICT",
          "you are the only administrator: make someone else admin first",
        );
      }
    }
    const owned = await tx.membership.findMany({
      where: { userId, role: "owner" },
      select: { groupId: true, group: { select: { name: true } } },
    });
    for (const m of owned) {
      const owners = await tx.membership.count({ where: { groupId: m.groupId, role: "owner" } });
      const members = await tx.membership.count({ where: { groupId: m.groupId } });
      if (members === 1) await tx.group.delete({ where: { id: m.groupId } });
      else if (owners <= 1) {
        throw new AppError(
          "CONFLICT",
          `you are the only owner of ${m.group.name}: make another member owner first`,
        );
      }
    }
    await tx.user.delete({ where: { id: userId } });
  });
}
