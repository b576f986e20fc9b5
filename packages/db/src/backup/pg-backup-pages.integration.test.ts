// A Postgres backup read by the pg driver is the text Prisma's reading gives: the same fields,
// order, tags and values (dates to the millisecond, whole seconds and tenths, bytes, booleans,
// floats, nulls, Korean text), pages cut inside composite keys, and the same expired reset links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresDriverOf } from "../sql-runner.ts";
import { createSchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { backupJson, streamInstanceBackup } from "./backup-instance.ts";

const now = new Date("2026-06-01T08:30:00.123Z");

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const c of chunks) all += c;
  return all;
}

describe.skipIf(testDbKind() !== "postgres")("the Postgres backup read by the pg driver", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    // 10 members studying ~60% of 60 cards: more than a page (250) of card states, whose key is
    // (userId, cardId), and 4,000 logs.
    await createSchoolFixture({
      db: t.db,
      now,
      members: 10,
      logsPerMember: 400,
      days: 10,
      cards: 60,
    });
    const { db } = t;
    await db.user.create({
      data: { id: "u1", name: "김학습 🦉", email: "u1@x.test", emailVerified: true },
    });
    await db.user.create({
      data: {
        id: "u2",
        name: 'B "q" \\',
        email: "u2@x.test",
        createdAt: new Date(Date.UTC(2026, 0, 1)),
      },
    });
    await db.user.create({
      data: {
        id: "u3",
        name: "C",
        email: "u3@x.test",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 100)),
      },
    });
    await db.deckPreset.create({
      data: { id: "p1", name: "P", desiredRetention: 0.87, enableFuzz: false },
    });
    await db.deck.create({ data: { id: "d1", slug: "d1", name: "D", presetId: "p1" } });
    await db.asset.create({
      data: {
        id: "as1",
        deckId: "d1",
        path: "a.png",
        mimeType: "image/png",
        size: 4,
        sha256: "s",
        data: new Uint8Array([0x89, 0x50, 0, 255]),
      },
    });
    for (const [id, expiresAt, usedAt] of [
      ["pr1", new Date(now.getTime() + 3_600_000), null],
      ["pr2", new Date(now.getTime() + 3_600_000), now],
      ["pr3", new Date(now.getTime() - 3_600_000), null],
    ] as const) {
      await db.passwordReset.create({
        data: { id, userId: "u2", createdById: "u1", tokenHash: id, expiresAt, usedAt },
      });
    }
  }, 60_000);
  afterAll(async () => t?.destroy());

  it("is the text Prisma's reading gives, to the character", async () => {
    // The stream reads through the driver (the handle openDb registered), not Prisma.
    expect(postgresDriverOf(t.db)).not.toBeNull();
    const fromDriver = await text(streamInstanceBackup({ db: t.db, now }));
    const fromPrisma = await text(backupJson(t.db, now));
    expect(fromDriver.length).toBeGreaterThan(100_000);
    expect(fromDriver).toBe(fromPrisma);
    const tables = (
      JSON.parse(fromDriver) as {
        tables: { PasswordReset: { id: string; expiresAt: unknown }[]; CardState: unknown[] };
      }
    ).tables;
    expect(tables.CardState.length).toBeGreaterThan(250);
    expect(tables.PasswordReset.find((r) => r.id === "pr1")?.expiresAt).toEqual({
      $date: now.toISOString(),
    });
  });

  it("gives its connection back when the reader stops early", async () => {
    const runner = postgresDriverOf(t.db);
    if (!runner) throw new Error("expected the pg driver runner");
    const chunks = streamInstanceBackup({ db: t.db, now });
    await chunks.next();
    await chunks.next();
    expect(runner.pool.totalCount - runner.pool.idleCount).toBe(1);
    await chunks.return(undefined);
    expect(runner.pool.totalCount - runner.pool.idleCount).toBe(0);
  });
});
