// The security migration on an instance seeded before it: the demo instructor (whose password was
// published) stops being the administrator, and an existing administrator keeps the first-admin
// claim, so no later sign-up becomes administrator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../migrate.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { claimFirstAdmin } from "./claim-first-admin.ts";

const BEFORE = "20261128071424_card_state_queue_index";

describe(`the security migration on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(undefined, { migrateUntil: BEFORE });
    const now = new Date("2026-01-01T00:00:00Z");
    // The User table is the same before and after the migration: Prisma's model can write it.
    await t.db.user.create({
      data: {
        id: "demo-instructor",
        name: "Demo",
        email: "i@strides.local",
        role: "admin",
        createdAt: now,
      },
    });
    await t.db.user.create({
      data: {
        id: "real-admin",
        name: "Real",
        email: "real@example.com",
        role: "admin",
        createdAt: new Date(now.getTime() + 1000),
      },
    });
    await migrateDatabase(t.url);
  });
  afterAll(async () => t?.destroy());

  it("demotes the demo instructor and records the real administrator's claim", async () => {
    const users = await t.db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, role: true },
    });
    expect(users).toEqual([
      { id: "demo-instructor", role: "user" },
      { id: "real-admin", role: "admin" },
    ]);
    const claim = await t.db.instanceClaim.findUniqueOrThrow({ where: { key: "first-admin" } });
    expect(claim.userId).toBe("real-admin");
    const late = await claimFirstAdmin({ db: t.db, userId: "demo-instructor", now: new Date() });
    expect(late.admin).toBe(false);
  });
});
