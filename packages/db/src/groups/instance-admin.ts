// Instance administration: only the admin lists accounts and hands out the admin role.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { type Actor, can } from "./permissions.ts";

export function requireAdmin(actor: Actor): void {
  if (!can({ actor, action: "instance.manage" }))
    throw new AppError("FORBIDDEN", "administrators only", { key: "adminsOnly" });
}

export async function listInstanceUsers(options: { db: Db; actor: Actor }) {
  requireAdmin(options.actor);
  return options.db.user.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      _count: { select: { memberships: true, reviewLogs: true } },
    },
  });
}

export async function setInstanceRole(options: {
  db: Db;
  actor: Actor;
  userId: string;
  role: "admin" | "user";
}): Promise<void> {
  const { db, actor, userId, role } = options;
  requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new AppError("NOT_FOUND", "account not found", { key: "accountNotFound" });
    if (user.role === "admin" && role !== "admin") {
      const admins = await tx.user.count({ where: { role: "admin" } });
      if (admins <= 1)
        throw new AppError("CONFLICT", "the instance needs at least one administrator", {
          key: "lastAdmin",
        });
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
  });
}
