// A SQLite restore writes on a worker thread: the server's own connection is never in the
// restore's transaction, its event loop keeps turning, and it reads the database meanwhile (WAL:
// the restore's uncommitted rows stay invisible until its COMMIT).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../review/sql-values.ts";
import { sqliteDriverOf } from "../sql-runner.ts";
import { createSchoolFixture, type SchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { restoreInstanceFromStream, streamInstanceBackup } from "./backup-instance.ts";

const now = new Date("2026-06-01T08:30:00.000Z");

describe.skipIf(testDbKind() !== "sqlite")("a SQLite restore off the main thread", () => {
  let source: TestDb;
  let target: TestDb;
  let fx: SchoolFixture;
  let text = "";
  beforeAll(async () => {
    source = await createTestDb();
    target = await createTestDb();
    fx = await createSchoolFixture({
      db: source.db,
      now,
      members: 40,
      logsPerMember: 600,
      days: 30,
      cards: 200,
    });
    for await (const chunk of streamInstanceBackup({ db: source.db, now })) text += chunk;
  }, 60_000);
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
  });

  it("keeps the event loop and the server's connection free while it writes", async () => {
    const main = sqliteDriverOf(target.db);
    if (!main) throw new Error("expected the SQLite driver runner");
    async function* chunks() {
      for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
    }
    let running = true;
    let ticks = 0;
    let mainInTransaction = false;
    const seenWhileRunning: number[] = [];
    const timer = setInterval(() => {
      ticks++;
      if (!running) return;
      if (main.client.inTransaction) mainInTransaction = true;
      // The server's connection reads while the restore writes: nothing is committed yet.
      if (ticks % 5 === 0) {
        const [row] = main.client.prepare('SELECT COUNT(*) AS n FROM "ReviewLog"').all() as {
          n: number;
        }[];
        seenWhileRunning.push(Number(row?.n ?? -1));
      }
    }, 10);
    try {
      const restored = await restoreInstanceFromStream({ db: target.db, chunks: chunks() });
      running = false;
      expect(restored.rows).toBeGreaterThan(fx.logs);
    } finally {
      running = false;
      clearInterval(timer);
    }
    expect(mainInTransaction).toBe(false);
    // None while it wrote; all once it committed (a tick may fall between its COMMIT and its end).
    const during = seenWhileRunning.filter((n) => n !== fx.logs);
    const seen = `counts seen: ${seenWhileRunning.join(" ")}`;
    expect(during.length, seen).toBeGreaterThan(3);
    expect(new Set(during), seen).toEqual(new Set([0]));
    expect(
      seenWhileRunning.slice(during.length).every((n) => n === fx.logs),
      seen,
    ).toBe(true);
    const [count] = await main.query(sql`SELECT COUNT(*) AS n FROM "ReviewLog"`);
    expect(Number(count?.n)).toBe(fx.logs);
  }, 60_000);
});
