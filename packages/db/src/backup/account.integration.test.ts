import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { deleteAccount } from "./delete-account.ts";
import { exportLearnerData } from "./export-learner-data.ts";

const now = new Date("2026-06-01T00:00:00Z");

describe(`learner export and account deletion on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const hash = await hashPassword("password-1");
    for (const [id, role] of [
      ["admin", "admin"],
      ["learner", "user"],
      ["owner", "user"],
    ] as const) {
      await t.db.user.create({
        data: {
          id,
          name: id,
          email: `${id}@example.com`,
          role,
          accounts: {
            create: { id: `${id}-a`, accountId: id, providerId: "credential", password: hash },
          },
        },
      });
    }
    await t.db.group.create({
      data: {
        id: "g",
        name: "Shared",
        slug: "g",
        memberships: {
          create: [
            { userId: "owner", role: "owner" },
            { userId: "learner", role: "member" },
          ],
        },
      },
    });
    await t.db.group.create({
      data: {
        id: "solo",
        name: "Solo",
        slug: "solo",
        memberships: { create: { userId: "learner", role: "owner" } },
      },
    });
    await t.db.deck.create({ data: { id: "d", slug: "d", name: "D" } });
    await t.db.card.create({
      data: {
        id: "c",
        deckId: "d",
        key: "k",
        kind: "basic",
        contentHash: "h",
        content: '{"front":"F"}',
        siblingKey: "k",
      },
    });
    await t.db.cardState.create({
      data: { userId: "learner", cardId: "c", deckId: "d", state: 2, due: now },
    });
    await t.db.reviewLog.create({
      data: {
        userId: "learner",
        cardId: "c",
        deckId: "d",
        requestId: "r",
        rating: 3,
        reviewedAt: now,
        stateBefore: 0,
        stateAfter: 1,
        dueAfter: now,
        stabilityBefore: 0,
        stability: 1,
        difficultyBefore: 0,
        difficulty: 5,
        elapsedDays: 0,
        lastElapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        durationMs: 1500,
      },
    });
  });
  afterAll(async () => t?.destroy());

  it("exports the learner's cards, schedule and FSRS review log", async () => {
    const { files } = await exportLearnerData({ db: t.db, userId: "learner", now });
    expect(files["revlog.csv"]).toBe(
      `card_id,review_time,review_rating,review_state,review_duration\r\nc,${now.getTime()},3,0,1500\r\n`,
    );
    expect(files["schedule.csv"]?.split("\r\n")[1]).toMatch(/^c,k,d,2,/);
    expect(JSON.parse(files["cards.json"] ?? "[]")[0].content.front).toBe("F");
    expect(JSON.parse(files["account.json"] ?? "{}").email).toBe("learner@example.com");
  });

  it("writes a review log of several pages in time order, ties by id, across page boundaries", async () => {
    // 1,203 logs, seven to an instant (ties cross the export's pages of 500), on cards whose ids a
    // CSV must protect (a comma, a leading "=").
    await t.db.user.create({ data: { id: "many", name: "many", email: "many@example.com" } });
    const cards = ["c", "c,2", "=c3"];
    for (const id of cards.slice(1)) {
      await t.db.card.create({
        data: {
          id,
          deckId: "d",
          key: id,
          kind: "basic",
          contentHash: id,
          content: "{}",
          siblingKey: id,
        },
      });
    }
    const logs = Array.from({ length: 1203 }, (_, i) => ({
      id: `log${String(1202 - i).padStart(5, "0")}`,
      userId: "many",
      cardId: cards[i % 3] as string,
      deckId: "d",
      requestId: `r${i}`,
      rating: (i % 4) + 1,
      reviewedAt: new Date(now.getTime() - Math.floor(i / 7) * 60_000 + 123),
      stateBefore: i % 4,
      stateAfter: 2,
      dueAfter: now,
      stabilityBefore: 0,
      stability: 1,
      difficultyBefore: 0,
      difficulty: 5,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      durationMs: i * 37,
    }));
    await t.db.reviewLog.createMany({ data: logs });
    const quoted: Record<string, string> = { c: "c", "c,2": '"c,2"', "=c3": "'=c3" };
    const expected = [...logs]
      .sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || a.id.localeCompare(b.id))
      .map(
        (l) =>
          `${quoted[l.cardId]},${l.reviewedAt.getTime()},${l.rating},${l.stateBefore},${l.durationMs}\r\n`,
      );
    const { files } = await exportLearnerData({ db: t.db, userId: "many", now });
    expect(files["revlog.csv"]).toBe(
      `card_id,review_time,review_rating,review_state,review_duration\r\n${expected.join("")}`,
    );
  });

  it("checks the password, keeps groups with an owner, and deletes everything of the user", async () => {
    await expect(
      deleteAccount({ db: t.db, userId: "learner", password: "nope" }),
    ).rejects.toMatchObject({
      field: "password",
    });
    await expect(
      deleteAccount({ db: t.db, userId: "owner", password: "password-1" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      deleteAccount({ db: t.db, userId: "admin", password: "password-1" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await deleteAccount({ db: t.db, userId: "learner", password: "password-1" });
    expect(await t.db.user.count({ where: { id: "learner" } })).toBe(0);
    expect(await t.db.reviewLog.count({ where: { userId: "learner" } })).toBe(0);
    expect(await t.db.group.count({ where: { id: "solo" } })).toBe(0);
    expect(await t.db.group.count({ where: { id: "g" } })).toBe(1);
  });
});
