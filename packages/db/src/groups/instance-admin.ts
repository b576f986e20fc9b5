// Instance administration: only the admin lists accounts and hands out the admin role.
import { AppError, parseOrThrow } from "@strides/content";
import { z } from "zod";
import type { Db } from "../client.ts";
import { type Paged, readPage } from "../paging.ts";
import { date, num, sql } from "../review/sql-values.ts";
import { containsText } from "../sql-dialect.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { type Actor, can } from "./permissions.ts";

export function requireAdmin(actor: Actor): void {
  if (!can({ actor, action: "instance.manage" }))
    throw new AppError("FORBIDDEN", "administrators only", { key: "adminsOnly" });
}

const ZUserSearch = z.object({ query: z.string().trim().max(200).optional() });

/** An account as the admin page lists it. */
export interface InstanceUserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  createdAt: Date;
  /** Groups the account is a member of. */
  groups: number;
  /** Reviews the account has logged. */
  reviews: number;
}

/**
 * A page of the instance's accounts, oldest first, optionally those whose name or email contains
 * `query` (issue 18: a school's accounts were listed whole, each with its controls). The counts are
 * the page's accounts' alone: Prisma's relation `_count` groups the whole ReviewLog table on every
 * call (~300 ms on the event loop for 640,000 logs); a learner's daily statistics, kept by the
 * database's triggers, sum to their logs in a few hundred rows.
 */
export async function listInstanceUsers(options: {
  db: Db;
  actor: Actor;
  query?: string;
  page?: number;
  pageSize?: number;
}): Promise<Paged<InstanceUserRow>> {
  const { db } = options;
  requireAdmin(options.actor);
  const { query } = parseOrThrow(ZUserSearch, { query: options.query }, "query");
  // In SQL: a search matches by the search boxes' one rule (containsText), which Prisma's
  // `contains` cannot express.
  const runner = sqlRunnerOf(db);
  const where = query
    ? sql`WHERE ${containsText(runner.provider, sql.raw('u."name"'), query)}
        OR ${containsText(runner.provider, sql.raw('u."email"'), query)}`
    : sql``;
  const users = await readPage(
    { page: options.page, pageSize: options.pageSize },
    async () => num((await runner.query(sql`SELECT COUNT(*) AS "n" FROM "user" u ${where}`))[0]?.n),
    async (window) =>
      (
        await runner.query(sql`SELECT u."id" AS "id", u."name" AS "name", u."email" AS "email",
            u."role" AS "role", u."createdAt" AS "createdAt"
          FROM "user" u ${where}
          ORDER BY u."createdAt", u."id" LIMIT ${window.take} OFFSET ${window.skip}`)
      ).map((r) => ({
        id: String(r.id),
        name: String(r.name),
        email: String(r.email),
        role: String(r.role),
        createdAt: date(r.createdAt),
      })),
  );
  const ids = users.items.map((u) => u.id);
  const [memberships, reviews] = await Promise.all([
    db.membership.groupBy({
      by: ["userId"],
      where: { userId: { in: ids } },
      _count: { _all: true },
    }),
    db.dailyLearnerStats.groupBy({
      by: ["userId"],
      where: { userId: { in: ids } },
      _sum: { reviews: true },
    }),
  ]);
  const groupsOf = new Map(memberships.map((m) => [m.userId, m._count._all]));
  const reviewsOf = new Map(reviews.map((r) => [r.userId, r._sum.reviews ?? 0]));
  return {
    ...users,
    items: users.items.map((u) => ({
      ...u,
      groups: groupsOf.get(u.id) ?? 0,
      reviews: reviewsOf.get(u.id) ?? 0,
    })),
  };
}

export async function setInstanceRole(options: {
  db: Db;
  actor: Actor;
  userId: string;
  role: "admin" | "user";
  now: Date;
}): Promise<void> {
  const { db, actor, userId, role, now } = options;
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
    // An "admin" token is an administrator's (createApiToken): it ends with the role, or a
    // demoted admin's token would keep reaching every route (imports, exports, CSVs) a user's
    // "review" token cannot.
    if (user.role === "admin" && role !== "admin") {
      await tx.apiToken.updateMany({
        where: { userId, scope: "admin", revokedAt: null },
        data: { revokedAt: now },
      });
    }
  });
}
