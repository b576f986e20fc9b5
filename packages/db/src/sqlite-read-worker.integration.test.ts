// The read pool on a real SQLite file: every statement is answered with its own rows, however many
// are in flight at once, and the pool stops cleanly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "./review/sql-values.ts";
import { sqlRunnerOf } from "./sql-runner.ts";
import { startSqliteReadPool } from "./sqlite-read-worker.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

describe.runIf(process.env.STRIDES_TEST_DB !== "postgres")("SQLite read pool", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("sqlite");
  });
  afterAll(async () => {
    await t.destroy();
  });

  it("answers concurrent statements, each with its own rows, on two workers", async () => {
    const file = t.url.slice("file:".length);
    const main = sqlRunnerOf(t.db);
    let fallbacks = 0;
    const pool = startSqliteReadPool(
      file,
      (q) => {
        fallbacks += 1;
        return main.query(q);
      },
      { size: 2, cacheKiB: 8192 },
    );
    try {
      const n = 12;
      // A recursive count long enough that statements overlap, and a distinct answer per statement.
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          pool.query(sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c
              WHERE x < ${20_000 + i}) SELECT COUNT(*) AS "n", ${i} AS "i" FROM c`),
        ),
      );
      expect(answers.map((rows) => [Number(rows[0]?.n), Number(rows[0]?.i)])).toEqual(
        Array.from({ length: n }, (_, i) => [20_000 + i, i]),
      );
      expect(fallbacks).toBe(0);
      expect(pool.pending()).toBe(0);
      await expect(pool.query(sql`SELECT no_such_column FROM "user"`)).rejects.toThrow();
      expect(pool.pending()).toBe(0);
    } finally {
      await pool.stop();
    }
  });
});
