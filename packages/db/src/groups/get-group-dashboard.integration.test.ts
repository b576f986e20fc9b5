import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { cardsCsv, membersCsv } from "./dashboard-csv.ts";
import { getDashboardCards, getGroupDashboard } from "./get-group-dashboard.ts";
import type { Actor } from "./permissions.ts";

const now = new Date("2026-05-10T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const teacher: Actor = { userId: "teacher", instanceRole: "user" };
const learner: Actor = { userId: "learner", instanceRole: "user" };

describe(`group dashboard on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    for (const id of ["teacher", "learner", "other"]) {
      await t.db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
    }
    await t.db.group.create({
      data: {
        id: "g",
        name: "G",
        slug: "g",
        memberships: {
          create: [
            { userId: "teacher", role: "instructor" },
            { userId: "learner", role: "member" },
          ],
        },
      },
    });
    await t.db.deck.create({ data: { id: "d", slug: "d", name: "D" } });
    await t.db.groupDeck.create({ data: { groupId: "g", deckId: "d" } });
    for (const id of ["c1", "c2"]) {
      await t.db.card.create({
        data: {
          id,
          deckId: "d",
          key: id,
          kind: "basic",
          contentHash: id,
          content: "{}",
          siblingKey: id,
          searchText: `=card ${id}\nback`,
        },
      });
    }
    await t.db.cardState.create({
      data: { userId: "learner", cardId: "c1", deckId: "d", state: 2, due: hoursAgo(72) },
    });
    await t.db.cardState.create({
      data: { userId: "learner", cardId: "c2", deckId: "d", state: 2, due: hoursAgo(1) },
    });
    const log = (i: number, cardId: string, rating: number, userId = "learner", h = i) => ({
      id: `l${i}-${userId}`,
      userId,
      cardId,
      deckId: "d",
      requestId: `r${i}-${userId}`,
      rating,
      reviewedAt: hoursAgo(h),
      stateBefore: 2,
      stateAfter: 2,
      dueAfter: now,
      stabilityBefore: 1,
      stability: 2,
      difficultyBefore: 5,
      difficulty: 5,
      elapsedDays: 1,
      lastElapsedDays: 1,
      scheduledDays: 2,
      learningSteps: 0,
      durationMs: 4000,
    });
    await t.db.reviewLog.createMany({
      data: [
        log(1, "c1", 1),
        log(2, "c1", 3),
        log(3, "c2", 3),
        log(4, "c2", 4, "learner", 24 * 10),
        // Not a member: never counted.
        log(5, "c1", 1, "other"),
      ],
    });
  });
  afterAll(async () => t?.destroy());

  it("counts due, overdue, reviews and true retention for members only", async () => {
    const d = await getGroupDashboard({ db: t.db, actor: teacher, groupId: "g", now });
    const m = d.members.find((x) => x.userId === "learner");
    expect(m).toMatchObject({ dueToday: 2, overdue: 1, reviews7: 3, reviews30: 4 });
    expect(m?.trueRetention).toBeCloseTo(0.75);
    expect(m?.lastActive?.getTime()).toBe(hoursAgo(1).getTime());
    expect(d.members.map((x) => x.userId)).not.toContain("other");
    expect(d.cards[0]).toMatchObject({ cardId: "c1", reviews: 2, againRate: 0.5 });
    expect(d.activity).toHaveLength(30);
    expect(m?.daily.reduce((a, b) => a + b, 0)).toBe(4);
    expect(m?.daily.at(-1)).toBe(3);
    expect(d.activity.reduce((s, a) => s + a.reviews, 0)).toBe(4);
  });

  it("writes CSV that spreadsheets cannot execute", async () => {
    const d = await getGroupDashboard({ db: t.db, actor: teacher, groupId: "g", now });
    expect(membersCsv(d.members).split("\r\n")[0]).toBe(
      "name,email,role,due_today,overdue,reviews_7d,reviews_30d,true_retention,last_active",
    );
    expect(cardsCsv(d.cards)).toContain("'=card c1");
    const all = await getDashboardCards({ db: t.db, actor: teacher, groupId: "g", now });
    expect(all.map((c) => c.cardId)).toEqual(d.cards.map((c) => c.cardId));
  });

  it("shows the card table's last page for a page past it", async () => {
    const page = (cardPage: number, cardPageSize?: number) =>
      getGroupDashboard({ db: t.db, actor: teacher, groupId: "g", now, cardPage, cardPageSize });
    const past = await page(9);
    expect([past.cardPage, past.cardTotal]).toEqual([{ page: 1, pageSize: 50, pages: 1 }, 2]);
    expect(past.cards.map((c) => c.cardId)).toEqual(["c1", "c2"]);
    // Two pages of one card: the second for any page past it.
    const second = await page(2, 1);
    for (const p of [await page(3, 1), await page(99, 1)]) {
      expect(p.cardPage).toEqual({ page: 2, pageSize: 1, pages: 2 });
      expect(p.cards).toEqual(second.cards);
    }
    expect(second.cards.map((c) => c.cardId)).toEqual(["c2"]);
  });

  it("is refused to members", async () => {
    await expect(
      getGroupDashboard({ db: t.db, actor: learner, groupId: "g", now }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
