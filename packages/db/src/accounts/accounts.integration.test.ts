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

  it("throttles an account after 10 failures in 15 minutes, whatever the case of the address", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const email = "Victim@Example.com";
    await Promise.all(
      Array.from({ length: SIGN_IN_THROTTLE.maxFailures - 1 }, () =>
        recordSignInFailure({ db: t.db, email, now }),
      ),
    );
    expect(await signInRetryAfter({ db: t.db, email, now })).toBe(0);
    await recordSignInFailure({ db: t.db, email: " victim@example.com", now });
    expect(await signInRetryAfter({ db: t.db, email: "victim@example.com", now })).toBe(900);
    const later = new Date(now.getTime() + 15 * 60 * 1000);
    expect(await signInRetryAfter({ db: t.db, email, now: later })).toBe(0);
    // A failure after the window starts a new count.
    await recordSignInFailure({ db: t.db, email, now: later });
    expect(await signInRetryAfter({ db: t.db, email, now: later })).toBe(0);
    const row = await t.db.signInThrottle.findUniqueOrThrow({
      where: { email: "victim@example.com" },
    });
    expect(row.failures).toBe(1);
    await clearSignInFailures({ db: t.db, email });
    expect(await t.db.signInThrottle.count()).toBe(0);
  });
});
