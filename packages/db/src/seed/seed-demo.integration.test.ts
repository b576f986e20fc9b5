// The demo seed gives no one a known admin: random passwords, the demo instructor owns the demo
// group but is not the instance administrator, and instances seeded with the published password
// get it replaced at start.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { DEMO_ACCOUNTS, generateDemoPassword, PUBLISHED_DEMO_PASSWORD } from "./demo-accounts.ts";
import { rotatePublishedDemoPassword } from "./rotate-published-demo-password.ts";
import { seedDemo } from "./seed-demo.ts";

const deck = { slug: "demo-deck", name: "Demo", description: "", notes: [] };
const now = new Date("2026-01-01T00:00:00Z");

describe(`the demo seed on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.destroy());

  it("makes random passwords", () => {
    const a = generateDemoPassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(generateDemoPassword()).not.toBe(a);
  });

  it("seeds no administrator; the instructor owns the demo group; the password is the given one", async () => {
    const password = generateDemoPassword();
    expect(await seedDemo({ db: t.db, deck, password, now })).toMatchObject({ seeded: true });
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(0);
    const owner = await t.db.membership.findFirstOrThrow({ where: { role: "owner" } });
    expect(owner.userId).toBe(DEMO_ACCOUNTS.instructor.id);
    const account = await t.db.account.findFirstOrThrow({
      where: { userId: DEMO_ACCOUNTS.instructor.id },
    });
    expect(await verifyPassword({ hash: account.password ?? "", password })).toBe(true);
    expect(
      await verifyPassword({ hash: account.password ?? "", password: PUBLISHED_DEMO_PASSWORD }),
    ).toBe(false);
    await expect(seedDemo({ db: t.db, deck, password: "short", now })).rejects.toThrow(/8/);
  });

  it("replaces the published demo password of an older instance and ends its sessions", async () => {
    await t.db.account.updateMany({
      where: { userId: DEMO_ACCOUNTS.learner.id },
      data: { password: await hashPassword(PUBLISHED_DEMO_PASSWORD) },
    });
    await t.db.session.create({
      data: { id: "s1", token: "tok", userId: DEMO_ACCOUNTS.learner.id, expiresAt: now },
    });
    const fresh = generateDemoPassword();
    expect(await rotatePublishedDemoPassword({ db: t.db, password: fresh, now })).toEqual([
      DEMO_ACCOUNTS.learner.email,
    ]);
    const account = await t.db.account.findFirstOrThrow({
      where: { userId: DEMO_ACCOUNTS.learner.id },
    });
    expect(await verifyPassword({ hash: account.password ?? "", password: fresh })).toBe(true);
    expect(await t.db.session.count()).toBe(0);
    // Nothing left to rotate.
    expect(await rotatePublishedDemoPassword({ db: t.db, password: fresh, now })).toEqual([]);
  });
});
