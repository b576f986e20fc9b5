import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { createAdminAccount } from "./create-admin-account.ts";

describe(`admin:create on ${testDbKind()}`, () => {
  let t: TestDb;
  const now = new Date("2026-02-01T00:00:00Z");
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.destroy());

  it("creates an admin with a hashed password, then promotes an existing account", async () => {
    const r = await createAdminAccount({
      db: t.db,
      email: "Root@Example.com",
      name: "Root",
      password: "correct horse",
      now,
    });
    expect(r.created).toBe(true);
    const user = await t.db.user.findUniqueOrThrow({
      where: { email: "root@example.com" },
      include: { accounts: true },
    });
    expect(user.role).toBe("admin");
    // A later sign-up does not become a second administrator.
    const claim = await t.db.instanceClaim.findUniqueOrThrow({ where: { key: "first-admin" } });
    expect(claim.userId).toBe(user.id);
    const hash = user.accounts[0]?.password ?? "";
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword({ hash, password: "correct horse" })).toBe(true);

    await t.db.user.create({ data: { id: "u2", name: "U", email: "u@example.com" } });
    expect(await createAdminAccount({ db: t.db, email: "u@example.com", name: "U", now })).toEqual({
      userId: "u2",
      created: false,
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: "u2" } })).role).toBe("admin");
  });

  it("names the bad field", async () => {
    await expect(
      createAdminAccount({ db: t.db, email: "x@example.com", name: "X", password: "short", now }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", field: "password" });
  });
});
