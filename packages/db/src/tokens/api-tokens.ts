// Personal API tokens: shown once at creation, stored as a SHA-256 hash, revocable.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../client.ts";
import { date, sql } from "../review/data.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

const PREFIX = "strides_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(options: {
  db: Db;
  userId: string;
  name: string;
  now: Date;
}): Promise<{ id: string; token: string }> {
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await options.db.apiToken.create({
    data: {
      userId: options.userId,
      name: options.name,
      tokenHash: hashApiToken(token),
      createdAt: options.now,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** The user a bearer token belongs to, or null when unknown or revoked. Records the last use. */
export async function authenticateApiToken(options: {
  db: Db;
  token: string;
  now: Date;
}): Promise<{ userId: string; tokenId: string } | null> {
  if (!options.token.startsWith(PREFIX)) return null;
  // Every API request passes here: two statements at most, on the driver (see sql-runner.ts).
  const run = sqlRunnerOf(options.db);
  const rows = await run.query(sql`SELECT id, "userId", "revokedAt", "lastUsedAt" FROM "ApiToken"
    WHERE "tokenHash" = ${hashApiToken(options.token)}`);
  const row = rows[0];
  if (!row || row.revokedAt !== null) return null;
  const id = String(row.id);
  // Record the last use at most once a minute, to keep the hot path free of writes.
  const lastUsedAt = row.lastUsedAt === null ? null : date(row.lastUsedAt);
  if (!lastUsedAt || options.now.getTime() - lastUsedAt.getTime() > 60_000) {
    await run.execute(sql`UPDATE "ApiToken" SET "lastUsedAt" = ${options.now} WHERE id = ${id}`);
  }
  return { userId: String(row.userId), tokenId: id };
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

export async function listApiTokens(options: { db: Db; userId: string }) {
  return options.db.apiToken.findMany({
    where: { userId: options.userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
