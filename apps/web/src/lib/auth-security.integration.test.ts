// The holes a probe found in sign-in (issue 14), on a real test database through better-auth's
// handler as configured: rate limits that a forged X-Forwarded-For cannot dodge or merge, the
// per-account throttle, the atomic first-admin claim, API tokens ending on a password change,
// bounded display names and origins taken from the configuration only.
import { authenticateApiToken, createApiToken } from "@strides/db";
import { createTestDb, type TestDb, testDbKind } from "@strides/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "./auth-config";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from "./client-address";

const BASE = "http://localhost:3000";
const noProxy = parseTrustedProxies(undefined);

describe(`sign-in security on ${testDbKind()}`, () => {
  let t: TestDb;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    t = await createTestDb();
    // A demo-like account seeded without sign-up: it must not stop the first real one being admin.
    await t.db.user.create({ data: { id: "seeded", name: "Seeded", email: "seeded@example.com" } });
    auth = createAuth({
      db: t.db,
      provider: t.provider,
      secret: "test-secret-test-secret-test-secret-0000",
      baseURL: BASE,
      secureCookies: false,
      trustedOrigins: [BASE],
    });
  });
  afterAll(async () => t?.destroy());

  /** A request as the production server passes it on: the client address from the socket. */
  const post = (
    path: string,
    body: unknown,
    o: { socket?: string; xff?: string; origin?: string; cookie?: string } = {},
  ) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      origin: o.origin ?? BASE,
      [CLIENT_ADDRESS_HEADER]: resolveClientAddress({
        socketAddress: o.socket ?? "10.9.0.1",
        forwardedFor: o.xff,
        trustedProxies: noProxy,
      }),
    };
    if (o.xff) headers["x-forwarded-for"] = o.xff;
    if (o.cookie) headers.cookie = o.cookie;
    return auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      }),
    );
  };

  it("makes the first real sign-up the administrator, and only that one", async () => {
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        post(
          "/sign-up/email",
          { email: `racer${i}@example.com`, password: "racer-password", name: `R${i}` },
          { socket: `10.8.0.${i}` },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await t.db.user.count({ where: { role: "admin" } })).toBe(1);
    const seeded = await t.db.user.findUniqueOrThrow({ where: { id: "seeded" } });
    expect(seeded.role).toBe("user");
  });

  it("does not let a rotating X-Forwarded-For dodge the per-address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await post(
        "/sign-in/email",
        { email: `ghost${i}@example.com`, password: "wrong-password" },
        { socket: "10.9.0.2", xff: `198.51.100.${i}` },
      );
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("does not put clients with a multi-valued X-Forwarded-For into one shared bucket", async () => {
    for (let i = 0; i < 11; i++) {
      await post(
        "/sign-in/email",
        { email: `multi${i}@example.com`, password: "wrong-password" },
        { socket: "10.9.0.3", xff: "1.1.1.1, 2.2.2.2" },
      );
    }
    const other = await post(
      "/sign-in/email",
      { email: "multi-other@example.com", password: "wrong-password" },
      { socket: "10.9.0.4", xff: "3.3.3.3, 2.2.2.2" },
    );
    expect(other.status).toBe(401);
  });

  it("never locks the owner out for failures from other addresses (under the account's 100)", async () => {
    await post(
      "/sign-up/email",
      { email: "victim@example.com", password: "victim-password", name: "V" },
      { socket: "10.7.0.1" },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await post(
        "/sign-in/email",
        { email: "Victim@example.com", password: `guess-${i}-password` },
        { socket: `10.6.0.${i}` },
      );
      statuses.push(r.status);
    }
    // No address reached its own 10 (the throttle per account and address: auth-config's test).
    expect(statuses).toEqual(Array(11).fill(401));
    const right = await post(
      "/sign-in/email",
      { email: "victim@example.com", password: "victim-password" },
      { socket: "10.7.0.1" },
    );
    expect(right.status).toBe(200);
  });

  it("throttles an account's failed sign-ins per IPv6 /64, not per address in it", async () => {
    // Per-address limits raised, so only the per-account throttle can answer 429.
    const lenient = createAuth({
      db: t.db,
      provider: t.provider,
      secret: "test-secret-test-secret-test-secret-0000",
      baseURL: BASE,
      secureCookies: false,
      trustedOrigins: [BASE],
      rateFactor: 50,
    });
    const signIn = (password: string, socket: string) =>
      lenient.handler(
        new Request(`${BASE}/api/auth/sign-in/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: BASE,
            [CLIENT_ADDRESS_HEADER]: resolveClientAddress({
              socketAddress: socket,
              forwardedFor: undefined,
              trustedProxies: noProxy,
            }),
          },
          body: JSON.stringify({ email: "v6victim@example.com", password }),
        }),
      );
    await post(
      "/sign-up/email",
      { email: "v6victim@example.com", password: "v6victim-password", name: "V6" },
      { socket: "10.7.0.9" },
    );
    const statuses: number[] = [];
    for (let i = 1; i <= 10; i++) {
      statuses.push((await signIn(`guess-${i}-password`, `2001:db8:66:1::${i}`)).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const rotated = await signIn("guess-11-password", "2001:db8:66:1:ffff::1");
    expect(rotated.status).toBe(429);
    expect(await rotated.text()).toContain("too many failed sign-ins for this account");
    // The owner, elsewhere, still signs in.
    expect((await signIn("v6victim-password", "2001:db8:66:2::1")).status).toBe(200);
  });

  it("revokes the account's API tokens when its password changes", async () => {
    const up = await post(
      "/sign-up/email",
      { email: "changer@example.com", password: "old-password-1", name: "C" },
      { socket: "10.7.0.2" },
    );
    const cookie = (up.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "changer@example.com" } });
    const now = new Date();
    const { token } = await createApiToken({ db: t.db, userId: user.id, name: "cli", now });
    expect(await authenticateApiToken({ db: t.db, token, now })).not.toBeNull();
    const changed = await post(
      "/change-password",
      { currentPassword: "old-password-1", newPassword: "new-password-2" },
      { socket: "10.7.0.2", cookie },
    );
    expect(changed.status).toBe(200);
    expect(await authenticateApiToken({ db: t.db, token, now: new Date() })).toBeNull();
  });

  it("refuses display names over 80 characters", async () => {
    const r = await post(
      "/sign-up/email",
      { email: "long@example.com", password: "long-password", name: "x".repeat(81) },
      { socket: "10.7.0.3" },
    );
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("at most 80 characters");
    expect(await t.db.user.count({ where: { email: "long@example.com" } })).toBe(0);
  });

  it("trusts the configured origin only, not the request's host", async () => {
    const rebound = await auth.handler(
      new Request("http://rebind.evil.example:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: "rebind.evil.example:3000",
          origin: "http://rebind.evil.example:3000",
          cookie: "x=1",
          [CLIENT_ADDRESS_HEADER]: "10.5.0.1",
        },
        body: JSON.stringify({ email: "victim2@example.com", password: "whatever-pass" }),
      }),
    );
    expect(rebound.status).toBe(403);
  });
});
