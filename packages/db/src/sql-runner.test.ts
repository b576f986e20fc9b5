import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import { SqliteRunner, sqliteDriverOf } from "./sql-runner.ts";

type SqlRunnerModule = typeof import("./sql-runner.ts");

describe("sqliteDriverOf", () => {
  it("finds the SQLite driver runner made by another copy of the module (the server loads it twice)", async () => {
    const specifier = "./sql-runner.ts?second-copy";
    const copy = (await import(/* @vite-ignore */ specifier)) as SqlRunnerModule;
    expect(copy.SqliteRunner).not.toBe(SqliteRunner);
    const client = new Database(":memory:");
    try {
      const lock = {} as ConstructorParameters<typeof SqliteRunner>[1];
      const runner = new copy.SqliteRunner(client, lock);
      expect(runner instanceof SqliteRunner).toBe(false);
      expect(sqliteDriverOf(runner)).toBe(runner);
      const handle = {} as Db;
      copy.registerSqlRunner(handle, runner);
      expect(sqliteDriverOf(handle)?.client.name).toBe(":memory:");
    } finally {
      client.close();
    }
  });

  it("is null for a handle without the SQLite driver (a Prisma transaction client)", () => {
    const tx = { _activeProvider: "sqlite" } as unknown as Db;
    expect(sqliteDriverOf(tx)).toBeNull();
  });
});
