// The SQLite backup's text, written on a worker thread, is the text Prisma's reading gives: the
// same fields, order, tags and values (dates written by Prisma and by SQLite's CURRENT_TIMESTAMP,
// bytes, big integers, booleans, floats, nulls, Korean text), and the same expired reset links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteDriverOf } from "../sql-runner.ts";
import { createSchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { backupHeader, backupJson } from "./backup-instance.ts";
import { backupTableShapes, sqliteBackupText } from "./sqlite-backup-text.ts";

const now = new Date("2026-06-01T08:30:00.123Z");

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const c of chunks) all += c;
  return all;
}

describe.skipIf(testDbKind() !== "sqlite")("the SQLite backup text of the worker", () => {
  let t: TestDb;
  let file = "";
  beforeAll(async () => {
    t = await createTestDb();
    const runner = sqliteDriverOf(t.db);
    if (!runner) throw new Error("expected the SQLite driver runner");
    file = runner.client.name;
    await createSchoolFixture({
      db: t.db,
      now,
      members: 5,
      logsPerMember: 400,
      days: 10,
      cards: 30,
    });
    const { db } = t;
    await db.user.create({
      data: { id: "u1", name: "김학습", email: "u1@x.test", emailVerified: true },
    });
    await db.user.create({ data: { id: "u2", name: "B", email: "u2@x.test", createdAt: now } });
    await db.rateLimit.create({
      data: { id: "r1", key: "k", count: 3, lastRequest: 9007199254740993n },
    });
    await db.deckPreset.create({
      data: { id: "p1", name: "P", desiredRetention: 0.87, enableFuzz: false },
    });
    await db.deck.create({
      data: { id: "d1", slug: "d1", name: "D", presetId: "p1" },
    });
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
    const fromWorker = await text(
      sqliteBackupText({ file, header: backupHeader(now), tables: backupTableShapes(t.db), now }),
    );
    const fromPrisma = await text(backupJson(t.db, now));
    expect(fromWorker.length).toBeGreaterThan(100_000);
    expect(fromWorker).toBe(fromPrisma);
    const resets = (
      JSON.parse(fromWorker) as { tables: { PasswordReset: { id: string; expiresAt: unknown }[] } }
    ).tables.PasswordReset;
    expect(resets.find((r) => r.id === "pr1")?.expiresAt).toEqual({ $date: now.toISOString() });
  });

  it("stops its worker when the reader stops early", async () => {
    const chunks = sqliteBackupText({
      file,
      header: backupHeader(now),
      tables: backupTableShapes(t.db),
      now,
    });
    await chunks.next();
    await chunks.next();
    await chunks.return(undefined);
    // The file is not held open: a write goes through at once.
    await t.db.group.create({ data: { id: "g-after", name: "G", slug: "g-after" } });
  });
});
