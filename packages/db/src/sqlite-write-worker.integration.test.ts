import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "./review/sql-values.ts";
import { sqliteDriverOf } from "./sql-runner.ts";
import { startSqliteBulkWriter } from "./sqlite-write-worker.ts";
import { createTestDb, type TestDb, testDbKind } from "./testing/test-db.ts";

describe.skipIf(testDbKind() !== "sqlite")("the SQLite bulk writer", () => {
  let t: TestDb;
  let file = "";
  beforeAll(async () => {
    t = await createTestDb();
    const runner = sqliteDriverOf(t.db);
    if (!runner) throw new Error("expected the SQLite driver runner");
    file = runner.client.name;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const group = (id: string) =>
    sql`INSERT INTO "Group" ("id", "name", "slug", "createdAt") VALUES (${id}, ${"G"}, ${id}, ${new Date(0)})`;

  it("commits what it was sent, in one transaction, as the server's connection reads it", async () => {
    const writer = await startSqliteBulkWriter(file);
    try {
      const changes = await writer.transaction(async () => {
        // Sent without waiting, as a restore does.
        const sent = [writer.execute(group("g1")), writer.execute(group("g2"))];
        return (await Promise.all(sent)).reduce((a, b) => a + b, 0);
      });
      expect(changes).toBe(2);
    } finally {
      await writer.stop();
    }
    const rows = await t.db.group.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((g) => [g.id, g.createdAt.toISOString()])).toEqual([
      ["g1", "1970-01-01T00:00:00.000Z"],
      ["g2", "1970-01-01T00:00:00.000Z"],
    ]);
  });

  it("keeps nothing of a transaction when one statement failed, even one nobody awaited", async () => {
    const writer = await startSqliteBulkWriter(file);
    try {
      const attempt = writer.transaction(async () => {
        void writer.execute(group("g3"));
        // The same slug again: a unique constraint fails in the worker.
        writer.execute(group("g3")).catch(() => {});
        return "sent";
      });
      await expect(attempt).rejects.toThrow(/not committed: .*UNIQUE/);
    } finally {
      await writer.stop();
    }
    expect(await t.db.group.count({ where: { id: "g3" } })).toBe(0);
  });

  it("refuses a file that does not exist", async () => {
    await expect(startSqliteBulkWriter(`${file}.missing`)).rejects.toThrow(/bulk writer/);
  });
});
