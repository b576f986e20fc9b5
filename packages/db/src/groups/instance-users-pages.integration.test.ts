// The instance's accounts for the admin read a page at a time from a real database (issue 18: a
// school's 430 accounts were listed whole), oldest first, found by name or email.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { listInstanceUsers } from "./instance-admin.ts";
import type { Actor } from "./permissions.ts";

const now = new Date("2026-04-01T10:00:00Z");
const teacher: Actor = { userId: "teacher", instanceRole: "user" };
const admin: Actor = { userId: "admin", instanceRole: "admin" };
const USERS = 12; // and the teacher and the admin

describe(`the accounts a page at a time on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    // Accounts created a minute apart, except two at the same instant (the id breaks the tie).
    const at = (i: number) => new Date(now.getTime() + Math.min(i, USERS) * 60_000);
    await t.db.user.create({
      data: {
        id: "admin",
        name: "Admin",
        email: "admin@example.com",
        role: "admin",
        createdAt: at(0),
      },
    });
    await t.db.user.create({
      data: { id: "teacher", name: "Teacher", email: "teacher@example.com", createdAt: at(1) },
    });
    for (let i = 2; i < USERS + 2; i++) {
      const n = String(i).padStart(2, "0");
      await t.db.user.create({
        data: {
          id: `u${n}`,
          name: i % 2 ? `Kim ${n}` : `Lee ${n}`,
          email: `learner${n}@school.test`,
          createdAt: at(i),
        },
      });
    }
    // Groups: the teacher's one, u02's two. Reviews: u03's three, on two days.
    for (const [id, members] of [
      ["g", ["teacher", "u02"]],
      ["h", ["u02"]],
    ] as const) {
      await t.db.group.create({
        data: {
          id,
          name: id,
          slug: id,
          memberships: { create: members.map((userId) => ({ userId, role: "member" })) },
        },
      });
    }
    await t.db.deck.create({ data: { id: "d", name: "D", slug: "d" } });
    await t.db.card.create({
      data: {
        id: "c",
        deckId: "d",
        key: "k",
        kind: "basic",
        contentHash: "h",
        content: "{}",
        siblingKey: "s",
      },
    });
    for (const [i, day] of [0, 0, 1].entries()) {
      const at = new Date(now.getTime() + day * 86_400_000);
      await t.db.reviewLog.create({
        data: {
          userId: "u03",
          cardId: "c",
          deckId: "d",
          requestId: `r${i}`,
          rating: 3,
          reviewedAt: at,
          stateBefore: 0,
          stateAfter: 1,
          dueAfter: at,
          stabilityBefore: 0,
          stability: 1,
          difficultyBefore: 0,
          difficulty: 5,
          elapsedDays: 0,
          lastElapsedDays: 0,
          scheduledDays: 0,
          learningSteps: 1,
          durationMs: 1000,
        },
      });
    }
  });
  afterAll(async () => t?.destroy());

  it("pages the accounts oldest first, 50 by default, for the admin alone", async () => {
    const all = await listInstanceUsers({ db: t.db, actor: admin });
    expect([all.page, all.pages, all.pageSize, all.total]).toEqual([1, 1, 50, USERS + 2]);
    const second = await listInstanceUsers({ db: t.db, actor: admin, page: 2, pageSize: 5 });
    expect(second.items.map((u) => u.id)).toEqual(all.items.slice(5, 10).map((u) => u.id));
    expect(all.items.map((u) => u.id).slice(0, 3)).toEqual(["admin", "teacher", "u02"]);
    // u12 and u13 were created at the same instant.
    expect(all.items.map((u) => u.id).slice(-2)).toEqual(["u12", "u13"]);
    await expect(listInstanceUsers({ db: t.db, actor: teacher })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("counts each listed account's groups and reviews", async () => {
    const page = await listInstanceUsers({ db: t.db, actor: admin, page: 1, pageSize: 4 });
    expect(page.items.map((u) => [u.id, u.groups, u.reviews])).toEqual([
      ["admin", 0, 0],
      ["teacher", 1, 0],
      ["u02", 2, 0],
      ["u03", 0, 3],
    ]);
  });

  it("finds accounts by name or by email, whatever the case of an email search", async () => {
    const find = (query: string) =>
      listInstanceUsers({ db: t.db, actor: admin, query }).then((p) => p.items.map((u) => u.id));
    expect(await find("Kim")).toEqual(["u03", "u05", "u07", "u09", "u11", "u13"]);
    expect(await find("LEARNER04@")).toEqual(["u04"]);
    expect(await find("  teacher ")).toEqual(["teacher"]);
    const page = await listInstanceUsers({
      db: t.db,
      actor: admin,
      query: "school.test",
      page: 3,
      pageSize: 5,
    });
    expect([page.total, page.page, page.items.length]).toEqual([USERS, 3, 2]);
  });

  it("matches a search literally, ignoring the case of a name on both databases", async () => {
    const find = (query: string) =>
      listInstanceUsers({ db: t.db, actor: admin, query }).then((p) => p.items.map((u) => u.id));
    expect(await find("kim 0")).toEqual(["u03", "u05", "u07", "u09"]);
    expect(await find("ADMIN")).toEqual(["admin"]);
    // LIKE's wildcards and escape character are the characters typed.
    expect(await find("%")).toEqual([]);
    expect(await find("_")).toEqual([]);
    expect(await find("learner0_")).toEqual([]);
    expect(await find("\\")).toEqual([]);
    await t.db.user.create({
      data: { id: "odd", name: "Park_100%", email: "park\\jiho@school.test", createdAt: now },
    });
    expect(await find("%")).toEqual(["odd"]);
    expect(await find("k_1")).toEqual(["odd"]);
    expect(await find("\\J")).toEqual(["odd"]);
  });
});
