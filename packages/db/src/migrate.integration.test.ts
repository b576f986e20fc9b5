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
});
