// Reset links on both databases: who may create one, and that using one sets the password once,
// before it expires, ends every session and revokes the account's API tokens.
import { verifyPassword } from "better-auth/crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../groups/permissions.ts";
import { createTestDb, type TestDb } from "../testing/test-db.ts";
import { authenticateApiToken, createApiToken } from "../tokens/api-tokens.ts";
import { createResetLink, createResetLinkFromCli } from "./create-reset-link.ts";
import { listPasswordResets } from "./list-password-resets.ts";
import { recordMailedReset, recordMailedResetLink } from "./mail-resets.ts";
import { describeResetLink, resetPasswordWithLink } from "./use-reset-link.ts";

const NOW = new Date("2026-05-01T09:00:00Z");
const HOUR = 3_600_000;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  const users = [
    ...["admin", "owner", "teacher", "learner", "staffer", "outsider", "other"],
    ...["joiner", "twogroups"],
  ];
  for (const id of users) {
    await t.db.user.create({
      data: {
        id,
        name: id,
        email: `${id}@example.test`,
        role: id === "admin" ? "admin" : "user",
        accounts: {
          create: { id: `${id}-a`, accountId: id, providerId: "credential", password: "x" },
        },
      },
    });
  }
  await t.db.group.create({
    data: {
      id: "g",
      name: "G",
      slug: "g",
      memberships: {
        create: [
          { userId: "owner", role: "owner" },
          { userId: "teacher", role: "instructor" },
          // Made on g's invite link: an account g manages.
          { userId: "learner", role: "member", managed: true },
          // Made on g's invite, but an instructor of group h since: staff, never reset by g's staff.
          { userId: "staffer", role: "member", managed: true },
          // An account that existed before it joined g (the attack: invite someone, reset them).
          { userId: "joiner", role: "member" },
          // Made on g's invite, then joined h: h counts on it too.
          { userId: "twogroups", role: "member", managed: true },
        ],
      },
    },
  });
  await t.db.group.create({
    data: {
      id: "h",
      name: "H",
      slug: "h",
      memberships: {
        create: [
          { userId: "staffer", role: "instructor" },
          { userId: "other", role: "member", managed: true },
          { userId: "twogroups", role: "member" },
        ],
      },
    },
  });
});
afterEach(async () => {
  await t.destroy();
});

const as = (userId: string): Actor => ({
  userId,
  instanceRole: userId === "admin" ? "admin" : "user",
});
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? String(e),
  );

describe("createResetLink", () => {
  it("follows member.resetPassword: staff for the accounts their group manages, the admin for anyone", async () => {
    const create = (actor: string, userId: string, groupId?: string) =>
      codeOf(createResetLink({ db: t.db, actor: as(actor), userId, groupId, now: NOW }));
    expect(await create("teacher", "learner", "g")).toBe("ok");
    expect(await create("owner", "learner", "g")).toBe("ok");
    expect(await create("teacher", "owner", "g")).toBe("FORBIDDEN");
    expect(await create("owner", "teacher", "g")).toBe("FORBIDDEN");
    expect(await create("owner", "staffer", "g")).toBe("FORBIDDEN");
    expect(await create("teacher", "teacher", "g")).toBe("FORBIDDEN");
    expect(await create("learner", "staffer", "g")).toBe("FORBIDDEN");
    expect(await create("owner", "joiner", "g")).toBe("FORBIDDEN");
    expect(await create("teacher", "joiner", "g")).toBe("FORBIDDEN");
    expect(await create("owner", "twogroups", "g")).toBe("FORBIDDEN");
    expect(await create("staffer", "twogroups", "h")).toBe("FORBIDDEN");
    expect(await create("staffer", "other", "h")).toBe("ok");
    expect(await create("admin", "joiner")).toBe("ok");
    // Another group's member, and a group the actor is not in: not revealed.
    expect(await create("teacher", "other", "g")).toBe("NOT_FOUND");
    expect(await create("outsider", "learner", "g")).toBe("NOT_FOUND");
    expect(await create("teacher", "learner")).toBe("BAD_INPUT");
    expect(await create("admin", "other")).toBe("ok");
    expect(await create("admin", "staffer")).toBe("ok");
    expect(await create("admin", "admin")).toBe("FORBIDDEN");
    expect(await create("admin", "nobody")).toBe("NOT_FOUND");
  });
});

describe("resetPasswordWithLink", () => {
  it("sets the password once, ends every session and revokes the API tokens", async () => {
    const link = await createResetLink({
      db: t.db,
      actor: as("teacher"),
      userId: "learner",
      groupId: "g",
      now: NOW,
    });
    expect(link.expiresAt).toEqual(new Date(NOW.getTime() + 24 * HOUR));
    const stored = await t.db.passwordReset.findFirstOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(link.token);
    await t.db.session.create({
      data: {
        id: "s1",
        token: "tok",
        userId: "learner",
        expiresAt: new Date(NOW.getTime() + HOUR),
      },
    });
    const api = await createApiToken({ db: t.db, userId: "learner", name: "cli", now: NOW });
    expect(await describeResetLink({ db: t.db, token: link.token, now: NOW })).toMatchObject({
      ok: true,
      email: "learner@example.test",
    });

    const later = new Date(NOW.getTime() + HOUR);
    const short = "short";
    expect(
      await codeOf(
        resetPasswordWithLink({ db: t.db, token: link.token, password: short, now: later }),
      ),
    ).toBe("BAD_INPUT");
    await resetPasswordWithLink({
      db: t.db,
      token: link.token,
      password: "new-password-1",
      now: later,
    });
    const account = await t.db.account.findFirstOrThrow({ where: { userId: "learner" } });
    expect(await verifyPassword({ hash: account.password ?? "", password: "new-password-1" })).toBe(
      true,
    );
    expect(await t.db.session.count({ where: { userId: "learner" } })).toBe(0);
    expect(await authenticateApiToken({ db: t.db, token: api.token, now: later })).toBeNull();
    const again = resetPasswordWithLink({
      db: t.db,
      token: link.token,
      password: "another-password",
      now: later,
    });
    expect(await codeOf(again)).toBe("CONFLICT");
    expect(await describeResetLink({ db: t.db, token: link.token, now: later })).toEqual({
      ok: false,
      reason: "used",
    });
    expect(
      await codeOf(
        resetPasswordWithLink({ db: t.db, token: "nope", password: "x".repeat(9), now: NOW }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("refuses a link after it expires", async () => {
    const link = await createResetLinkFromCli({
      db: t.db,
      email: "Learner@Example.test",
      now: NOW,
      expiresInHours: 2,
    });
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    expect(
      (await describeResetLink({ db: t.db, token: link.token, now: at(2 * HOUR - 1) })).ok,
    ).toBe(true);
    const late = resetPasswordWithLink({
      db: t.db,
      token: link.token,
      password: "new-password-1",
      now: at(2 * HOUR),
    });
    expect(await codeOf(late)).toBe("CONFLICT");
    expect(await describeResetLink({ db: t.db, token: link.token, now: at(2 * HOUR) })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(
      await codeOf(createResetLinkFromCli({ db: t.db, email: "x@example.test", now: NOW })),
    ).toBe("NOT_FOUND");
  });
});

describe("listPasswordResets", () => {
  it("lists who created which link for whom, and its use, to the admin only", async () => {
    await createResetLink({
      db: t.db,
      actor: as("owner"),
      userId: "learner",
      groupId: "g",
      now: NOW,
    });
    const cli = await createResetLinkFromCli({
      db: t.db,
      email: "other@example.test",
      now: new Date(NOW.getTime() + 1000),
    });
    await resetPasswordWithLink({
      db: t.db,
      token: cli.token,
      password: "new-password-1",
      now: new Date(NOW.getTime() + 2000),
    });
    await recordMailedResetLink({
      db: t.db,
      userId: "teacher",
      token: "mailed",
      expiresAt: new Date(NOW.getTime() + HOUR),
      now: new Date(NOW.getTime() + 3000),
    });
    await recordMailedReset({ db: t.db, userId: "teacher", now: new Date(NOW.getTime() + 4000) });
    expect(await codeOf(listPasswordResets({ db: t.db, actor: as("owner") }))).toBe("FORBIDDEN");
    const rows = await listPasswordResets({ db: t.db, actor: as("admin") });
    expect(
      rows.map((r) => [
        r.via,
        r.createdBy?.email ?? null,
        r.user.email,
        r.usedAt?.getTime() ?? null,
      ]),
    ).toEqual([
      ["email", null, "teacher@example.test", NOW.getTime() + 4000],
      ["cli", null, "other@example.test", NOW.getTime() + 2000],
      ["staff", "owner@example.test", "learner@example.test", null],
    ]);
    // A mailed link is better-auth's: this page's reset refuses it.
    expect(await describeResetLink({ db: t.db, token: "mailed", now: NOW })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
