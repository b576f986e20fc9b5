// better-auth as configured for Strides, on a real test database: hashing, cookies, the first
// account becoming admin, invited accounts and reset links, and sign-in rate limiting.
import {
  acceptInvite,
  createGroup,
  createInvite,
  createResetLink,
  recordSignInFailure,
} from "@strides/db";
import { createTestDb, type TestDb, testDbKind } from "@strides/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "./auth-config";
import { authErrorMessage, SIGN_UP_FROM_INVITE_HEADER } from "./auth-error-text";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

const BASE = "http://localhost:3000";

/** better-auth as configured, on a test database of its own. */
async function authOnTestDb(): Promise<{ t: TestDb; auth: ReturnType<typeof createAuth> }> {
  const t = await createTestDb();
  const auth = createAuth({
    db: t.db,
    provider: t.provider,
    secret: "test-secret-test-secret-test-secret-0000",
    baseURL: BASE,
    secureCookies: false,
    trustedOrigins: [BASE],
  });
  return { t, auth };
}

describe(`auth on ${testDbKind()}`, () => {
  let t: TestDb;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    ({ t, auth } = await authOnTestDb());
  });
  afterAll(async () => t?.destroy());

  const post = (path: string, body: unknown, ip = "10.0.0.1") =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: BASE,
          [CLIENT_ADDRESS_HEADER]: ip,
        },
        body: JSON.stringify(body),
      }),
    );

  it("hashes passwords, makes the first account admin, sets HttpOnly SameSite cookies", async () => {
    const first = await post("/sign-up/email", {
      email: "first@example.com",
      password: "first-password",
      name: "First",
    });
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    await post("/sign-up/email", {
      email: "second@example.com",
      password: "second-pass",
      name: "S",
    });
    const users = await t.db.user.findMany({
      orderBy: { createdAt: "asc" },
      include: { accounts: true },
    });
    expect(users.map((u) => u.role)).toEqual(["admin", "user"]);
    expect(users[0]?.accounts[0]?.password).not.toContain("first-password");
    expect(await t.db.session.count()).toBe(2);
  });

  it("refuses the 11th sign-in attempt a minute from one address, not from another", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      // Different accounts each time, so the per-account throttle stays out of this.
      const r = await post(
        "/sign-in/email",
        { email: `nobody${i}@example.com`, password: "wrong-password" },
        "10.0.0.9",
      );
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const other = await post(
      "/sign-in/email",
      { email: "first@example.com", password: "first-password" },
      "10.0.0.10",
    );
    expect(other.status).toBe(200);
  });

  it("marks cookies Secure behind HTTPS", async () => {
    const secure = createAuth({
      db: t.db,
      provider: t.provider,
      secret: "test-secret-test-secret-test-secret-0000",
      baseURL: "https://strides.example",
      secureCookies: true,
      trustedOrigins: ["https://strides.example"],
    });
    const r = await secure.handler(
      new Request("https://strides.example/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://strides.example",
          [CLIENT_ADDRESS_HEADER]: "10.0.0.20",
        },
        body: JSON.stringify({ email: "second@example.com", password: "second-pass" }),
      }),
    );
    expect(r.status).toBe(200);
    expect(r.headers.get("set-cookie") ?? "").toMatch(/__Secure-.*;\s*.*Secure/i);
  });

  it("answers a learner's mistakes with codes the forms show in the page's language", async () => {
    const message = async (res: Response) => {
      const body = (await res.json()) as { code?: string; message?: string };
      return authErrorMessage({ ...body, status: res.status });
    };
    const ip = "10.0.0.77";
    const user = { email: "codes@example.com", password: "codes-password", name: "C" };
    expect((await post("/sign-up/email", user, ip)).status).toBe(200);
    expect(await message(await post("/sign-up/email", user, ip))).toBe("emailTaken");
    expect(
      await message(
        await post("/sign-up/email", { ...user, email: "b@example.com", password: "short" }, ip),
      ),
    ).toBe("passwordTooShort");
    expect(
      await message(await post("/sign-up/email", { ...user, email: "not-an-email" }, ip)),
    ).toBe("invalidEmail");
    expect(
      await message(
        await post("/sign-in/email", { email: user.email, password: "wrong-password" }, ip),
      ),
    ).toBe("wrongCredentials");
  });

  it("refuses hidden characters, blank names and an image, at sign-up and in the profile", async () => {
    // An address each: sign-ups are limited to 5 in 5 minutes per address.
    let n = 0;
    const signUp = (name: string, extra: Record<string, unknown> = {}) => {
      n += 1;
      return post(
        "/sign-up/email",
        { email: `names${n}@example.com`, password: "names-password", name, ...extra },
        `10.0.1.${n}`,
      );
    };
    const codeOf = async (res: Response) => ((await res.json()) as { code?: string }).code;
    // A right-to-left override shows "nimda\u202e" reversed in a member list; NUL breaks Postgres.
    expect(await codeOf(await signUp("\u202enimda"))).toBe("NAME_INVALID");
    expect(await codeOf(await signUp("a\u0000b"))).toBe("NAME_INVALID");
    expect(await codeOf(await signUp("   "))).toBe("NAME_REQUIRED");
    expect(await codeOf(await signUp("x".repeat(81)))).toBe("NAME_TOO_LONG");
    expect(await codeOf(await signUp("Img", { image: "javascript:alert(1)" }))).toBe(
      "IMAGE_NOT_ALLOWED",
    );
    const ok = await signUp("김민지 Kim");
    expect(ok.status).toBe(200);
    const cookie = (ok.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const update = (body: unknown) =>
      auth.handler(
        new Request(`${BASE}/api/auth/update-user`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: BASE, cookie },
          body: JSON.stringify(body),
        }),
      );
    expect(await codeOf(await update({ image: `javascript:${"A".repeat(100_000)}` }))).toBe(
      "IMAGE_NOT_ALLOWED",
    );
    expect(await codeOf(await update({ name: "ad\u200bmin" }))).toBe("NAME_INVALID");
    expect((await update({ name: "Kim Minji" })).status).toBe(200);
    expect(authErrorMessage({ code: "NAME_INVALID", status: 400 })).toBe("nameInvalid");
  });
});

describe(`the admin claim on ${testDbKind()}`, () => {
  let t: TestDb;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    ({ t, auth } = await authOnTestDb());
  });
  afterAll(async () => t?.destroy());

  const signUp = (email: string, headers: Record<string, string> = {}) =>
    auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: BASE,
          [CLIENT_ADDRESS_HEADER]: "10.0.0.9",
          ...headers,
        },
        body: JSON.stringify({ email, password: "a-long-password", name: "N" }),
      }),
    );

  it("is not made by an account created on an invite page; the next plain sign-up makes it", async () => {
    // An invite header whose token leads nowhere still withholds the claim (and joins nothing).
    expect(
      (await signUp("student@example.com", { [SIGN_UP_FROM_INVITE_HEADER]: "no-such-invite" }))
        .status,
    ).toBe(200);
    expect((await signUp("owner@example.com")).status).toBe(200);
    const users = await t.db.user.findMany({ orderBy: { createdAt: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["student@example.com", "user"],
      ["owner@example.com", "admin"],
    ]);
  });
});

describe(`reset links for invited accounts on ${testDbKind()}`, () => {
  let t: TestDb;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    ({ t, auth } = await authOnTestDb());
  });
  afterAll(async () => t?.destroy());

  const signUp = async (email: string, headers: Record<string, string> = {}) => {
    const r = await auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: BASE,
          [CLIENT_ADDRESS_HEADER]: "10.0.0.30",
          ...headers,
        },
        body: JSON.stringify({ email, password: "a-long-password", name: "N" }),
      }),
    );
    expect(r.status).toBe(200);
    return t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  };

  it("lets a group's owner reset only the accounts made on its invite, never one that joined it", async () => {
    const now = new Date();
    const as = (userId: string) => ({ userId, instanceRole: "user" as const });
    const admin = await signUp("admin@example.com");
    // The attacker: anyone may create a group and invite people to it.
    const attacker = await signUp("attacker@example.com");
    const created = await createGroup({
      db: t.db,
      actor: as(attacker.id),
      input: { name: "Trap", slug: "trap" },
      now,
    });
    if (!created.ok) throw new Error("group not created");
    const groupId = created.groupId;
    const invite = await createInvite({
      db: t.db,
      actor: as(attacker.id),
      groupId,
      input: { role: "member", expiresInHours: 24, maxUses: 10 },
      now,
    });
    const reset = (userId: string) =>
      createResetLink({ db: t.db, actor: as(attacker.id), userId, groupId, now }).then(
        () => "ok",
        (e: { code?: string }) => e.code,
      );

    // The victim had an account and joins through the invite: their account stays theirs.
    const victim = await signUp("victim@example.com");
    expect(
      await acceptInvite({ db: t.db, userId: victim.id, token: invite.token, now }),
    ).toMatchObject({ ok: true });
    expect(await reset(victim.id)).toBe("FORBIDDEN");

    // A learner who makes their account on the invite page joins in the sign-up: a managed account.
    const learner = await signUp("learner@example.com", {
      [SIGN_UP_FROM_INVITE_HEADER]: invite.token,
    });
    expect(
      await t.db.membership.findUnique({
        where: { groupId_userId: { groupId, userId: learner.id } },
        select: { role: true, managed: true },
      }),
    ).toEqual({ role: "member", managed: true });
    // The invite page's join step after it changes nothing.
    expect(
      await acceptInvite({ db: t.db, userId: learner.id, token: invite.token, now }),
    ).toMatchObject({ ok: true, alreadyMember: true });
    expect(await reset(learner.id)).toBe("ok");

    // Once the learner belongs to another group too, only the admin resets them.
    const other = await createGroup({
      db: t.db,
      actor: as(victim.id),
      input: { name: "Other", slug: "other" },
      now,
    });
    if (!other.ok) throw new Error("group not created");
    const second = await createInvite({
      db: t.db,
      actor: as(victim.id),
      groupId: other.groupId,
      input: { role: "member", expiresInHours: 24, maxUses: 1 },
      now,
    });
    await acceptInvite({ db: t.db, userId: learner.id, token: second.token, now });
    expect(await reset(learner.id)).toBe("FORBIDDEN");
    const byAdmin = createResetLink({
      db: t.db,
      actor: { userId: admin.id, instanceRole: "admin" },
      userId: learner.id,
      now,
    });
    await expect(byAdmin).resolves.toMatchObject({ token: expect.any(String) });
  });
});

describe(`the sign-in throttle on ${testDbKind()}`, () => {
  let t: TestDb;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    t = await createTestDb();
    // better-auth's per-address limit raised out of the way: this is the per-account throttle.
    auth = createAuth({
      db: t.db,
      provider: t.provider,
      secret: "test-secret-test-secret-test-secret-0000",
      baseURL: BASE,
      secureCookies: false,
      trustedOrigins: [BASE],
      rateFactor: 100,
    });
  });
  afterAll(async () => t?.destroy());

  const post = (path: string, body: unknown, ip: string) =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, [CLIENT_ADDRESS_HEADER]: ip },
        body: JSON.stringify(body),
      }),
    );
  const signIn = (password: string, ip: string) =>
    post("/sign-in/email", { email: "learner@example.com", password }, ip);

  it("locks a stranger's address out of an account after 10 failures, never the owner's", async () => {
    const password = "learner-password";
    expect(
      (
        await post(
          "/sign-up/email",
          { email: "learner@example.com", password, name: "L" },
          "10.1.0.1",
        )
      ).status,
    ).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await signIn("wrong-password", "10.9.9.9")).status).toBe(401);
    const refused = await signIn(password, "10.9.9.9");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
    // The owner, from their own address, signs in.
    expect((await signIn(password, "10.1.0.1")).status).toBe(200);
    // Failures spread over many addresses, each under its own limit (counted directly here: the
    // sign-ins would only take longer), stop the account at 100 from every address.
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 9; i++) {
        await recordSignInFailure({
          db: t.db,
          email: "learner@example.com",
          address: `10.8.0.${a}`,
          now: new Date(),
        });
      }
    }
    expect((await signIn(password, "10.1.0.1")).status).toBe(429);
  });
});
