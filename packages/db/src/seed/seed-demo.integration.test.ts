// The demo seed gives no one a known admin: a random password per account, the demo instructor owns
// the demo group but is not the instance administrator, and instances seeded with the published
// password, or one password for both accounts, get it replaced at start.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import {
  DEMO_ACCOUNTS,
  type DemoAccount,
  generateDemoPassword,
  generateDemoPasswords,
  PUBLISHED_DEMO_PASSWORD,
} from "./demo-accounts.ts";
import { rotateUnsafeDemoPasswords } from "./rotate-unsafe-demo-passwords.ts";
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

  it("seeds no administrator; the instructor owns the demo group; each account has its own password", async () => {
    const passwords = generateDemoPasswords();
    expect(passwords.learner).not.toBe(passwords.instructor);
    expect(await seedDemo({ db: t.db, deck, passwords, now })).toMatchObject({ seeded: true });
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(0);
    const owner = await t.db.membership.findFirstOrThrow({ where: { role: "owner" } });
    expect(owner.userId).toBe(DEMO_ACCOUNTS.instructor.id);
    const hashOf = async (name: DemoAccount) =>
      (await t.db.account.findFirstOrThrow({ where: { userId: DEMO_ACCOUNTS[name].id } }))
        .password ?? "";
    const opens = async (name: DemoAccount, password: string) =>
      verifyPassword({ hash: await hashOf(name), password });
    expect(await opens("instructor", passwords.instructor)).toBe(true);
    expect(await opens("learner", passwords.learner)).toBe(true);
    // The learner's password never opens the instructor's account.
    expect(await opens("instructor", passwords.learner)).toBe(false);
    expect(await opens("instructor", PUBLISHED_DEMO_PASSWORD)).toBe(false);
    await expect(
      seedDemo({ db: t.db, deck, passwords: { ...passwords, learner: "short" }, now }),
    ).rejects.toThrow(/passwords\.learner.*8/);
    await expect(
      seedDemo({
        db: t.db,
        deck,
        passwords: { learner: "same-one-1", instructor: "same-one-1" },
        now,
      }),
    ).rejects.toThrow(/its own/);
    // Nothing unsafe to rotate on a fresh seed.
    expect(
      await rotateUnsafeDemoPasswords({ db: t.db, passwords: generateDemoPasswords(), now }),
    ).toEqual([]);
  });

  it("replaces a password the demo accounts share (one stored hash) with the instructor's own", async () => {
    const shared = await hashPassword("shared-random-1");
    await t.db.account.updateMany({
      where: { userId: { in: [DEMO_ACCOUNTS.learner.id, DEMO_ACCOUNTS.instructor.id] } },
      data: { password: shared },
    });
    await t.db.session.create({
      data: { id: "s0", token: "tok0", userId: DEMO_ACCOUNTS.instructor.id, expiresAt: now },
    });
    const passwords = generateDemoPasswords();
    expect(await rotateUnsafeDemoPasswords({ db: t.db, passwords, now })).toEqual(["instructor"]);
    const instructor = await t.db.account.findFirstOrThrow({
      where: { userId: DEMO_ACCOUNTS.instructor.id },
    });
    expect(
      await verifyPassword({ hash: instructor.password ?? "", password: passwords.instructor }),
    ).toBe(true);
    expect(
      await verifyPassword({ hash: instructor.password ?? "", password: "shared-random-1" }),
    ).toBe(false);
    expect(await t.db.session.count()).toBe(0);
    expect(await rotateUnsafeDemoPasswords({ db: t.db, passwords, now })).toEqual([]);
  });

  it("replaces the published demo password of an older instance and ends its sessions", async () => {
    await t.db.account.updateMany({
      where: { userId: DEMO_ACCOUNTS.learner.id },
      data: { password: await hashPassword(PUBLISHED_DEMO_PASSWORD) },
    });
    await t.db.session.create({
      data: { id: "s1", token: "tok", userId: DEMO_ACCOUNTS.learner.id, expiresAt: now },
    });
    const fresh = generateDemoPasswords();
    expect(await rotateUnsafeDemoPasswords({ db: t.db, passwords: fresh, now })).toEqual([
      "learner",
    ]);
    const account = await t.db.account.findFirstOrThrow({
      where: { userId: DEMO_ACCOUNTS.learner.id },
    });
    expect(await verifyPassword({ hash: account.password ?? "", password: fresh.learner })).toBe(
      true,
    );
    expect(await t.db.session.count()).toBe(0);
    // Nothing left to rotate.
    expect(await rotateUnsafeDemoPasswords({ db: t.db, passwords: fresh, now })).toEqual([]);
  });
});
