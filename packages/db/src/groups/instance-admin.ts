// Instance administration: only the admin lists accounts and hands out the admin role.
import { AppError, parseOrThrow } from "@strides/content";
import { z } from "zod";
import type { Db, Prisma } from "../client.ts";
import { readPage } from "../paging.ts";
import { type Actor, can } from "./permissions.ts";

export function requireAdmin(actor: Actor): void {
  if (!can({ actor, action: "instance.manage" }))
    throw new AppError("FORBIDDEN", "administrators only", { key: "adminsOnly" });
}

const ZUserSearch = z.object({ query: z.string().trim().max(200).optional() });

/**
 * A page of the instance's accounts, oldest first, optionally those whose name or email contains
 * `query` (issue 18: a school's 430 accounts were listed whole, each with its controls).
 */
export async function listInstanceUsers(options: {
  db: Db;
  actor: Actor;
  query?: string;
  page?: number;
  pageSize?: number;
}) {
  const { db } = options;
  requireAdmin(options.actor);
  const { query } = parseOrThrow(ZUserSearch, { query: options.query }, "query");
  // Emails are stored lowercased; SQLite's LIKE ignores ASCII case anyway, Postgres's does not.
  const where: Prisma.UserWhereInput = query
    ? { OR: [{ name: { contains: query } }, { email: { contains: query.toLowerCase() } }] }
    : {};
  return readPage(
    { page: options.page, pageSize: options.pageSize },
    () => db.user.count({ where }),
    (window) =>
      db.user.findMany({
        where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        ...window,
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          createdAt: true,
          _count: { select: { memberships: true, reviewLogs: true } },
        },
      }),
  );
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
