import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase } from "./migrate.ts";
import { createTestDb, type TestDb, testDbKind } from "./testing/test-db.ts";

describe(`migrations on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it("applies every migration once and is idempotent", async () => {
    expect(listMigrations(t.provider).length).toBeGreaterThan(0);
    // createTestDb already migrated: a second run applies nothing.
    expect(await migrateDatabase(t.url)).toEqual([]);
  });

  it("gives a schema the generated client can write to and read from", async () => {
    const user = await t.db.user.create({
      data: { id: "u1", name: "Ada", email: "ada@example.com" },
    });
    const deck = await t.db.deck.create({ data: { slug: "d", name: "Deck" } });
    const card = await t.db.card.create({
      data: {
        deckId: deck.id,
        key: "k1",
        kind: "basic",
        contentHash: "h",
        content: "{}",
        siblingKey: "s",
      },
    });
    await t.db.cardState.create({
      data: { userId: user.id, cardId: card.id, deckId: deck.id, due: new Date(0) },
    });
    const state = await t.db.cardState.findFirstOrThrow({ where: { userId: "u1" } });
    expect(state.due.getTime()).toBe(0);
    expect(state.state).toBe(0);
    // Foreign keys are enforced.
    await expect(
      t.db.cardState.create({
        data: { userId: "nobody", cardId: card.id, deckId: deck.id, due: new Date() },
      }),
    ).rejects.toThrow();
  });

  it("marks the logs of cards with siblings when ReviewLog.hasSiblings is added", async () => {
    const names = listMigrations(testDbKind()).map((m) => m.name);
    const adding = names.findIndex((n) => n.endsWith("_review_log_queue_indexes"));
    const old = await createTestDb(testDbKind(), { migrateUntil: names[adding - 1] });
    try {
      const db = old.db;
      await db.user.create({ data: { id: "u1", name: "Ada", email: "ada@example.com" } });
      const deck = await db.deck.create({ data: { slug: "d", name: "Deck" } });
      // Cards a and b share a note; c is alone in its own.
      for (const [id, siblingKey] of [
        ["a", "d/note-1"],
        ["b", "d/note-1"],
        ["c", "d/note-2"],
      ] as const) {
        await db.card.create({
          data: {
            id,
            deckId: deck.id,
            key: id,
            kind: "basic",
            contentHash: id,
            content: "{}",
            siblingKey,
          },
        });
      }
      // Logs as the previous schema stored them (raw SQL: the client knows the new column).
      const at = new Date("2026-01-05T15:00:00Z");
      for (const cardId of ["a", "c"]) {
        await db.$executeRaw`INSERT INTO "ReviewLog" (id, "userId", "cardId", "deckId", "requestId",
          rating, "reviewedAt", "stateBefore", "stateAfter", "dueAfter", "stabilityBefore", stability,
          "difficultyBefore", difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays",
          "learningSteps", "durationMs")
          VALUES (${`log-${cardId}`}, 'u1', ${cardId}, ${deck.id}, ${`r-${cardId}`}, 3, ${at}, 0, 1,
            ${at}, 0, 1, 0, 5, 0, 0, 0, 1, 1000)`;
      }
      expect(await migrateDatabase(old.url)).toContain(names[adding]);
      const logs = await db.reviewLog.findMany({
        select: { cardId: true, hasSiblings: true },
        orderBy: { cardId: "asc" },
      });
      expect(logs).toEqual([
        { cardId: "a", hasSiblings: true },
        { cardId: "c", hasSiblings: false },
      ]);
    } finally {
      await old.destroy();
    }
  });
});
