// Personal API tokens: shown once at creation, stored as a SHA-256 hash, revocable, with an expiry
// and a scope. A "review" token answers the /api/v1 review loop and reads only; an "admin" token
// (only an instance administrator may make one) answers every route its owner may use.
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@strides/content";
import { z } from "zod";
import type { Db, Prisma } from "../client.ts";
import { date, sql } from "../review/review-reads.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

const PREFIX = "strides_";
const DAY_MS = 24 * 60 * 60 * 1000;

export const API_TOKEN_SCOPES = ["review", "admin"] as const;
export type TApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
/** Token lifetimes in days: the default, and the longest a token may be made for. */
export const API_TOKEN_DAYS = { default: 90, max: 365 } as const;

export const ZApiTokenInput = z.object({
  name: z.string().trim().min(1, "required").max(80, "at most 80 characters"),
  scope: z.enum(API_TOKEN_SCOPES).default("review"),
  expiresInDays: z.coerce
    .number()
    .int("whole days")
    .min(1, "at least 1 day")
    .max(API_TOKEN_DAYS.max, `at most ${API_TOKEN_DAYS.max} days`)
    .default(API_TOKEN_DAYS.default),
});
export type TApiTokenInput = z.input<typeof ZApiTokenInput>;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(
  options: { db: Db; userId: string; now: Date } & TApiTokenInput,
): Promise<{ id: string; token: string; scope: TApiTokenScope; expiresAt: Date }> {
  const { db, userId, now } = options;
  const parsed = ZApiTokenInput.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "input");
    throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "invalid"}`, { field });
  }
  const { name, scope, expiresInDays } = parsed.data;
  if (scope === "admin") {
    const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (user?.role !== "admin") {
      throw new AppError(
        "FORBIDDEN",
        "scope: only an instance administrator may make an admin token",
        {
          field: "scope",
        },
      );
    }
  }
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);
  const row = await db.apiToken.create({
    data: { userId, name, scope, tokenHash: hashApiToken(token), createdAt: now, expiresAt },
    select: { id: true },
  });
  return { id: row.id, token, scope, expiresAt };
}

/** When a token stops working: its expiry, or 90 days after creation for tokens made before expiry. */
export function apiTokenExpiry(token: { createdAt: Date; expiresAt: Date | null }): Date {
  return token.expiresAt ?? new Date(token.createdAt.getTime() + API_TOKEN_DAYS.default * DAY_MS);
}

function scopeOf(v: unknown): TApiTokenScope {
  return v === "admin" ? "admin" : "review";
}

/**
 * The user and scope a bearer token belongs to, or null when unknown, revoked or expired. Records
 * the last use.
 */
export async function authenticateApiToken(options: {
  db: Db;
  token: string;
  now: Date;
}): Promise<{ userId: string; tokenId: string; scope: TApiTokenScope } | null> {
  if (!options.token.startsWith(PREFIX)) return null;
  // Every API request passes here: two statements at most, on the driver (see sql-runner.ts).
  const run = sqlRunnerOf(options.db);
  const rows =
    await run.query(sql`SELECT id, "userId", scope, "createdAt", "expiresAt", "revokedAt",
    "lastUsedAt" FROM "ApiToken" WHERE "tokenHash" = ${hashApiToken(options.token)}`);
  const row = rows[0];
  if (!row || row.revokedAt !== null) return null;
  const expiry = apiTokenExpiry({
    createdAt: date(row.createdAt),
    expiresAt: row.expiresAt === null ? null : date(row.expiresAt),
  });
  if (expiry.getTime() <= options.now.getTime()) return null;
  const id = String(row.id);
  // Record the last use at most once a minute, to keep the hot path free of writes.
  const lastUsedAt = row.lastUsedAt === null ? null : date(row.lastUsedAt);
  if (!lastUsedAt || options.now.getTime() - lastUsedAt.getTime() > 60_000) {
    await run.execute(sql`UPDATE "ApiToken" SET "lastUsedAt" = ${options.now} WHERE id = ${id}`);
  }
  return { userId: String(row.userId), tokenId: id, scope: scopeOf(row.scope) };
}

export async function revokeApiToken(options: {
  db: Db;
  userId: string;
  tokenId: string;
  now: Date;
}): Promise<boolean> {
  const r = await options.db.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now },
  });
  return r.count === 1;
}

/**
 * Revokes every live token of a user (on a password change or reset; also for account recovery).
 * Returns how many were revoked.
 */
export async function revokeUserTokens(options: {
  db: Db | Prisma.TransactionClient;
  userId: string;
  now: Date;
}): Promise<number> {
  const r = await options.db.apiToken.updateMany({
    where: { userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now },
  });
  return r.count;
}

export async function listApiTokens(options: { db: Db; userId: string }) {
  const rows = await options.db.apiToken.findMany({
    where: { userId: options.userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      scope: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, scope: scopeOf(r.scope), expiresAt: apiTokenExpiry(r) }));
}
