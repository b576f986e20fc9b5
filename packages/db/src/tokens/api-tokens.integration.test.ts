import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setInstanceRole } from "../groups/instance-admin.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  revokeUserTokens,
} from "./api-tokens.ts";

describe(`API tokens on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.user.create({ data: { id: "u1", name: "U", email: "u@example.com" } });
    await t.db.user.create({
      data: { id: "a1", name: "A", email: "a@example.com", role: "admin" },
    });
  });
  afterAll(async () => t?.destroy());

  it("stores only a hash, authenticates, records use and stops at revocation", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const { id, token } = await createApiToken({ db: t.db, userId: "u1", name: "cli", now });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(await authenticateApiToken({ db: t.db, token, now })).toEqual({
      userId: "u1",
      tokenId: id,
      scope: "review",
    });
    expect((await listApiTokens({ db: t.db, userId: "u1" }))[0]?.lastUsedAt?.getTime()).toBe(
      now.getTime(),
    );
    expect(await authenticateApiToken({ db: t.db, token: `${token}x`, now })).toBeNull();
    expect(await revokeApiToken({ db: t.db, userId: "u1", tokenId: id, now })).toBe(true);
    expect(await authenticateApiToken({ db: t.db, token, now })).toBeNull();
  });

  const DAY = 24 * 60 * 60 * 1000;

  it("expires after 90 days by default, at most 365, and says when at creation", async () => {
    const now = new Date("2026-02-01T00:00:00Z");
    const made = await createApiToken({ db: t.db, userId: "u1", name: "d", now });
    expect(made.expiresAt.getTime()).toBe(now.getTime() + 90 * DAY);
    const before = new Date(now.getTime() + 90 * DAY - 1000);
    expect(await authenticateApiToken({ db: t.db, token: made.token, now: before })).not.toBeNull();
    const at = new Date(now.getTime() + 90 * DAY);
    expect(await authenticateApiToken({ db: t.db, token: made.token, now: at })).toBeNull();
    const year = await createApiToken({
      db: t.db,
      userId: "u1",
      name: "y",
      now,
      expiresInDays: 365,
    });
    expect(year.expiresAt.getTime()).toBe(now.getTime() + 365 * DAY);
    await expect(
      createApiToken({ db: t.db, userId: "u1", name: "z", now, expiresInDays: 366 }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", field: "expiresInDays" });
  });

  it("a token made before expiry existed stops 90 days after its creation", async () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const made = await createApiToken({ db: t.db, userId: "u1", name: "old", now });
    await t.db.apiToken.update({ where: { id: made.id }, data: { expiresAt: null } });
    const later = new Date(now.getTime() + 91 * DAY);
    expect(await authenticateApiToken({ db: t.db, token: made.token, now: later })).toBeNull();
  });

  it("is a review token unless an administrator asks for an admin token", async () => {
    const now = new Date("2026-04-01T00:00:00Z");
    await expect(
      createApiToken({ db: t.db, userId: "u1", name: "x", now, scope: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", field: "scope" });
    const admin = await createApiToken({ db: t.db, userId: "a1", name: "x", now, scope: "admin" });
    expect((await authenticateApiToken({ db: t.db, token: admin.token, now }))?.scope).toBe(
      "admin",
    );
    expect((await listApiTokens({ db: t.db, userId: "a1" }))[0]?.scope).toBe("admin");
  });

  it("revokeUserTokens revokes every live token of one user only", async () => {
    const now = new Date("2026-05-01T00:00:00Z");
    const mine = await createApiToken({ db: t.db, userId: "u1", name: "m", now });
    const theirs = await createApiToken({ db: t.db, userId: "a1", name: "t", now });
    expect(await revokeUserTokens({ db: t.db, userId: "u1", now })).toBeGreaterThanOrEqual(1);
    expect(await authenticateApiToken({ db: t.db, token: mine.token, now })).toBeNull();
    expect(await authenticateApiToken({ db: t.db, token: theirs.token, now })).not.toBeNull();
  });

  it("ends an admin's admin tokens when they stop being an admin, and keeps their review tokens", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    await t.db.user.create({
      data: { id: "a2", name: "A2", email: "a2@example.com", role: "admin" },
    });
    const admin = await createApiToken({ db: t.db, userId: "a2", name: "b", scope: "admin", now });
    const review = await createApiToken({ db: t.db, userId: "a2", name: "r", now });
    const actor = { userId: "a1", instanceRole: "admin" as const };
    await setInstanceRole({ db: t.db, actor, userId: "a2", role: "admin", now });
    expect((await authenticateApiToken({ db: t.db, token: admin.token, now }))?.scope).toBe(
      "admin",
    );
    await setInstanceRole({ db: t.db, actor, userId: "a2", role: "user", now });
    expect(await authenticateApiToken({ db: t.db, token: admin.token, now })).toBeNull();
    expect((await authenticateApiToken({ db: t.db, token: review.token, now }))?.scope).toBe(
      "review",
    );
  });
});
