// The first-admin claim and the per-account sign-in throttle, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { claimFirstAdmin } from "./claim-first-admin.ts";
import {
  clearSignInFailures,
  recordSignInFailure,
  SIGN_IN_THROTTLE,
  signInRetryAfter,
} from "./sign-in-throttle.ts";

describe(`accounts on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    for (let i = 0; i < 8; i++) {
      await t.db.user.create({ data: { id: `u${i}`, name: "U", email: `u${i}@example.com` } });
    }
  });
  afterAll(async () => t?.destroy());

  it("makes exactly one of many concurrent first sign-ups the administrator", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimFirstAdmin({ db: t.db, userId: `u${i}`, now })),
    );
    expect(results.filter((r) => r.admin)).toHaveLength(1);
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(1);
    expect((await claimFirstAdmin({ db: t.db, userId: "u0", now })).admin).toBe(false);
  });

  it("throttles an account after 10 failures in 15 minutes from one address, whatever the case of the e-mail", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const email = "Victim@Example.com";
    const stranger = "203.0.113.7";
    const owner = "198.51.100.2";
    await Promise.all(
      Array.from({ length: SIGN_IN_THROTTLE.maxFailures - 1 }, () =>
        recordSignInFailure({ db: t.db, email, address: stranger, now }),
      ),
    );
    expect(await signInRetryAfter({ db: t.db, email, address: stranger, now })).toBe(0);
    await recordSignInFailure({ db: t.db, email: " victim@example.com", address: stranger, now });
    const retry = (address: string, at = now) =>
      signInRetryAfter({ db: t.db, email: "victim@example.com", address, now: at });
    expect(await retry(stranger)).toBe(900);
    // The stranger's failures do not lock the owner out of their own address.
    expect(await retry(owner)).toBe(0);
    const later = new Date(now.getTime() + 15 * 60 * 1000);
    expect(await retry(stranger, later)).toBe(0);
    // A failure after the window starts a new count.
    await recordSignInFailure({ db: t.db, email, address: stranger, now: later });
    expect(await retry(stranger, later)).toBe(0);
    const row = await t.db.signInThrottle.findUniqueOrThrow({
      where: { email_address: { email: "victim@example.com", address: stranger } },
    });
    expect(row.failures).toBe(1);
    // A success clears its own address's count, not the account's from every address.
    await clearSignInFailures({ db: t.db, email, address: stranger });
    expect(await t.db.signInThrottle.findMany({ select: { address: true } })).toEqual([
      { address: "*" },
    ]);
    await t.db.signInThrottle.deleteMany();
  });

  it("throttles an account from every address after 100 failures from many addresses", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const email = "target@example.com";
    const perAddress = SIGN_IN_THROTTLE.maxFailures - 1;
    const addresses = Math.ceil(SIGN_IN_THROTTLE.maxAccountFailures / perAddress);
    // Each address stays under its own limit; the owner's address is free until the sum reaches 100.
    for (let a = 0; a < addresses; a++) {
      expect(await signInRetryAfter({ db: t.db, email, address: "192.0.2.1", now })).toBe(0);
      await Promise.all(
        Array.from({ length: perAddress }, () =>
          recordSignInFailure({ db: t.db, email, address: `2001:db8::${a}`, now }),
        ),
      );
    }
    // Now every address waits, the owner's too; another account does not.
    expect(await signInRetryAfter({ db: t.db, email, address: "192.0.2.1", now })).toBe(900);
    expect(
      await signInRetryAfter({ db: t.db, email: "other@example.com", address: "192.0.2.1", now }),
    ).toBe(0);
    // A caller cannot pass the every-address row's key as its address.
    await recordSignInFailure({ db: t.db, email: "x@example.com", address: "*", now });
    expect(
      await t.db.signInThrottle.findUniqueOrThrow({
        where: { email_address: { email: "x@example.com", address: "*" } },
      }),
    ).toMatchObject({ failures: 1 });
    await t.db.signInThrottle.deleteMany();
  });

  it("keeps only the failures of windows still open", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const address = "203.0.113.9";
    for (let i = 0; i < 5; i++) {
      await recordSignInFailure({ db: t.db, email: `tried${i}@example.com`, address, now: at(0) });
    }
    await recordSignInFailure({ db: t.db, email: "late@example.com", address, now: at(10) });
    expect(await t.db.signInThrottle.count()).toBe(12);
    // 15 minutes after the first five: their rows are gone; the later account's stay and count on.
    await recordSignInFailure({ db: t.db, email: "late@example.com", address, now: at(15) });
    expect(await t.db.signInThrottle.findMany({ select: { email: true, failures: true } })).toEqual(
      [
        { email: "late@example.com", failures: 2 },
        { email: "late@example.com", failures: 2 },
      ],
    );
    await t.db.signInThrottle.deleteMany();
  });
});
