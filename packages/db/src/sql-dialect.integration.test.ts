// The search boxes' text match (containsText) on a real database: typed text is literal, ASCII case
// is ignored, and both databases give the same answer for the same text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "./review/sql-values.ts";
import { containsText } from "./sql-dialect.ts";
import { sqlRunnerOf } from "./sql-runner.ts";
import { createTestDb, type TestDb, testDbKind } from "./testing/test-db.ts";

const TEXTS = [
  "Dropout 50% of units",
  "Dropout 500 units",
  "learning_rate",
  "learningXrate",
  "C:\\temp",
  "C:temp",
  "Stop! now",
  "Stop now",
  "ReLU activation",
  "합성곱 신경망 (CNN)",
  "Σ sums",
  "σ sigmoid",
  "Émile",
];

describe(`containsText on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.destroy());

  const find = async (text: string) => {
    const runner = sqlRunnerOf(t.db);
    const values = sql.join(TEXTS.map((v, i) => sql`(${i}, ${v})`));
    const rows = await runner.query(sql`WITH t ("i", "v") AS (VALUES ${values})
      SELECT t."v" AS "v" FROM t WHERE ${containsText(runner.provider, sql.raw('t."v"'), text)}
      ORDER BY t."i"`);
    return rows.map((r) => String(r.v));
  };

  it("matches %, _ and \\ literally", async () => {
    expect(await find("%")).toEqual(["Dropout 50% of units"]);
    expect(await find("0%")).toEqual(["Dropout 50% of units"]);
    expect(await find("_")).toEqual(["learning_rate"]);
    expect(await find("g_r")).toEqual(["learning_rate"]);
    expect(await find("\\")).toEqual(["C:\\temp"]);
    expect(await find(":\\t")).toEqual(["C:\\temp"]);
    expect(await find("%%")).toEqual([]);
    expect(await find("!")).toEqual(["Stop! now"]);
    expect(await find("p! n")).toEqual(["Stop! now"]);
  });

  it.skipIf(testDbKind() !== "postgres")(
    "works with standard_conforming_strings off (backslashes in literals then escape)",
    async () => {
      const runner = sqlRunnerOf(t.db);
      const rows = await runner.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL standard_conforming_strings = off`);
        return tx.query(
          sql`SELECT 1 AS "one" WHERE ${containsText(
            tx.provider,
            sql.raw(`'Stop! 50% off_today'`),
            "P! 50% OFF_",
          )}`,
        );
      });
      expect(rows).toHaveLength(1);
    },
  );

  it("ignores the case of ASCII letters, the same on both databases", async () => {
    expect(await find("relu")).toEqual(["ReLU activation"]);
    expect(await find("RELU ACT")).toEqual(["ReLU activation"]);
    expect(await find("cnn")).toEqual(["합성곱 신경망 (CNN)"]);
    expect(await find("합성곱")).toEqual(["합성곱 신경망 (CNN)"]);
    // Other letters keep their case (SQLite folds no others).
    expect(await find("Σ")).toEqual(["Σ sums"]);
    expect(await find("σ")).toEqual(["σ sigmoid"]);
    expect(await find("émile")).toEqual([]);
    expect(await find("Émile")).toEqual(["Émile"]);
  });
});
