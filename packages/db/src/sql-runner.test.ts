import { AppError } from "@strides/content";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import type { Db, Prisma } from "./client.ts";
import { limitReads, SqliteRunner, type SqlReadRunner, sqliteDriverOf } from "./sql-runner.ts";

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
      // A root client (a transaction client has no $transaction and never gets the registered one).
      const handle = { $transaction: () => undefined } as unknown as Db;
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

describe("limitReads", () => {
  it("runs at most `slots` statements at once, in the order asked, and frees a slot when one fails", async () => {
    let running = 0;
    let most = 0;
    const started: string[] = [];
    const release: (() => void)[] = [];
    const reader: SqlReadRunner = {
      provider: "sqlite",
      query: async (q) => {
        started.push(q.sql);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        if (q.sql === "fail") throw new Error("failed read");
        return [{ sql: q.sql }];
      },
    };
    const limited = limitReads(reader, 2);
    const ask = (text: string) => limited.query({ sql: text, values: [] } as unknown as Prisma.Sql);
    const results = ["a", "fail", "c", "d"].map((t) =>
      ask(t).then(
        (rows) => rows,
        (e: Error) => e.message,
      ),
    );
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    await tick();
    expect(started).toEqual(["a", "fail"]);
    release.shift()?.(); // a
    release.shift()?.(); // fail
    await tick();
    expect(started).toEqual(["a", "fail", "c", "d"]);
    for (const r of release.splice(0)) r();
    expect(await Promise.all(results)).toEqual([
      [{ sql: "a" }],
      "failed read",
      [{ sql: "c" }],
      [{ sql: "d" }],
    ]);
    expect(most).toBe(2);
  });
});

describe("limitReads hand-off", () => {
  it("gives a freed slot to the first waiting statement, not to one asked meanwhile", async () => {
    const order: string[] = [];
    const release = new Map<string, () => void>();
    const reader: SqlReadRunner = {
      provider: "sqlite",
      query: (q) => {
        order.push(q.sql);
        return new Promise((resolve) => release.set(q.sql, () => resolve([])));
      },
    };
    const limited = limitReads(reader, 1);
    const ask = (text: string) => limited.query({ sql: text, values: [] } as unknown as Prisma.Sql);
    const a = ask("a");
    const b = ask("b");
    await new Promise((resolve) => setImmediate(resolve));
    release.get("a")?.();
    const c = ask("c"); // asked in the same turn the slot is freed: waits behind b
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["a", "b"]);
    release.get("b")?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["a", "b", "c"]);
    release.get("c")?.();
    await Promise.all([a, b, c]);
  });
});

describe("limitReads wait", () => {
  it("refuses a statement whose wait for a slot outlasts `waitMs` (serverBusy) and keeps the order of the others", async () => {
    vi.useFakeTimers();
    try {
      const order: string[] = [];
      const release = new Map<string, () => void>();
      const reader: SqlReadRunner = {
        provider: "postgres",
        query: (q) => {
          order.push(q.sql);
          return new Promise((resolve) => release.set(q.sql, () => resolve([])));
        },
      };
      const limited = limitReads(reader, 1, 1000);
      const ask = (text: string) =>
        limited.query({ sql: text, values: [] } as unknown as Prisma.Sql);
      const a = ask("a");
      const b = ask("b");
      await vi.advanceTimersByTimeAsync(600);
      const c = ask("c");
      const bRefused = b.then(
        () => null,
        (e: AppError) => e,
      );
      await vi.advanceTimersByTimeAsync(500); // b has waited 1100 ms, c 500
      const refused = await bRefused;
      expect(refused).toBeInstanceOf(AppError);
      expect(refused?.code).toBe("UNAVAILABLE");
      expect(refused?.key).toBe("serverBusy");
      release.get("a")?.();
      await vi.advanceTimersByTimeAsync(0);
      expect(order).toEqual(["a", "c"]);
      release.get("c")?.();
      await Promise.all([a, c]);
      // The slot is free again: a new statement runs at once.
      const d = ask("d");
      await vi.advanceTimersByTimeAsync(0);
      expect(order).toEqual(["a", "c", "d"]);
      release.get("d")?.();
      await d;
    } finally {
      vi.useRealTimers();
    }
  });
});
