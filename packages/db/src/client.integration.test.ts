// Two connections write to one SQLite file in the production server (the review API's and the
// pages process's): a transaction must hold the write lock from BEGIN, or a transaction that
// reads, then writes, fails when the other connection committed in between.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "./generated/sqlite/client.ts";
import { sqlRunnerOf } from "./sql-runner.ts";
import { createTestDb, type TestDb, testDbKind } from "./testing/test-db.ts";

let handle: TestDb | null = null;
let other: Database.Database | null = null;
afterEach(async () => {
  other?.close();
  other = null;
  await handle?.destroy();
  handle = null;
});

async function twoConnections() {
  handle = await createTestDb("sqlite");
  // The other writer does not wait for the lock: a write while ours is held fails at once.
  other = new Database(handle.url.slice("file:".length), { timeout: 0 });
  other.exec("CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT)");
  return { db: handle.db, other };
}

describe.skipIf(testDbKind() !== "sqlite")("SQLite transactions beside another writer", () => {
  it("a Prisma transaction holds the write lock from BEGIN and its read-then-write commits", async () => {
    const { db, other } = await twoConnections();
    await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ n: number }[]>`SELECT COUNT(*) AS n FROM probe`;
      expect(Number(rows[0]?.n)).toBe(0);
      expect(() => other.prepare("INSERT INTO probe (v) VALUES ('other')").run()).toThrow(
        /locked|busy/i,
      );
      await tx.$executeRaw(Prisma.sql`INSERT INTO probe (v) VALUES ('ours')`);
    });
    expect(other.prepare("SELECT v FROM probe").all()).toEqual([{ v: "ours" }]);
    // Released at COMMIT: the other connection writes again.
    other.prepare("INSERT INTO probe (v) VALUES ('other')").run();
  });

  it("the driver runner's transactions do the same", async () => {
    const { db, other } = await twoConnections();
    await sqlRunnerOf(db).transaction(async (tx) => {
      await tx.query(Prisma.sql`SELECT COUNT(*) AS n FROM probe`);
      expect(() => other.prepare("INSERT INTO probe (v) VALUES ('other')").run()).toThrow(
        /locked|busy/i,
      );
      await tx.execute(Prisma.sql`INSERT INTO probe (v) VALUES ('ours')`);
    });
    expect(other.prepare("SELECT v FROM probe").all()).toEqual([{ v: "ours" }]);
  });

  it("a transaction waiting for the lock leaves the event loop free, and runs once it is free", async () => {
    const { db, other } = await twoConnections();
    other.exec("BEGIN IMMEDIATE");
    let settled = false;
    const ours = sqlRunnerOf(db)
      .transaction((tx) => tx.execute(Prisma.sql`INSERT INTO probe (v) VALUES ('ours')`))
      .finally(() => {
        settled = true;
      });
    // SQLite's own wait would hold this thread until busy_timeout (5 s) and then fail: the timer
    // below would fire after the transaction had already settled.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    other.prepare("INSERT INTO probe (v) VALUES ('other')").run();
    other.exec("COMMIT");
    await ours;
    expect(other.prepare("SELECT v FROM probe ORDER BY id").all()).toEqual([
      { v: "other" },
      { v: "ours" },
    ]);
  });

  it("a driver write outside a transaction waits for the lock the same way", async () => {
    const { db, other } = await twoConnections();
    other.exec("BEGIN IMMEDIATE");
    let settled = false;
    const ours = sqlRunnerOf(db)
      .execute(Prisma.sql`INSERT INTO probe (v) VALUES ('ours')`)
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    other.exec("COMMIT");
    expect(await ours).toBe(1);
    expect(other.prepare("SELECT v FROM probe").all()).toEqual([{ v: "ours" }]);
  });

  it("Prisma's own writes outside a transaction (a session's renewal) wait the same way", async () => {
    const { db, other } = await twoConnections();
    const now = new Date("2026-12-04T00:00:00Z");
    await db.user.create({ data: { id: "u1", name: "Kim", email: "kim@example.com" } });
    await db.session.create({
      data: { id: "s1", token: "t1", userId: "u1", expiresAt: now },
    });
    // Each form better-auth's adapter uses: an update (renewal), a create, a raw statement.
    const writes: [string, () => Promise<unknown>][] = [
      [
        "update",
        () => db.session.update({ where: { id: "s1" }, data: { expiresAt: new Date(+now + 1) } }),
      ],
      [
        "create",
        () => db.session.create({ data: { id: "s2", token: "t2", userId: "u1", expiresAt: now } }),
      ],
      ["raw", () => db.$executeRaw(Prisma.sql`INSERT INTO probe (v) VALUES ('ours')`)],
    ];
    for (const [name, write] of writes) {
      other.exec("BEGIN IMMEDIATE");
      let settled = false;
      const ours = write().finally(() => {
        settled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled, name).toBe(false);
      other.exec("COMMIT");
      await ours;
    }
    const session = await db.session.findUniqueOrThrow({ where: { id: "s1" } });
    expect(session.expiresAt).toEqual(new Date(+now + 1));
    expect(await db.session.count()).toBe(2);
    expect(other.prepare("SELECT v FROM probe").all()).toEqual([{ v: "ours" }]);
  });

  it("a transaction that cannot get the lock fails, and the next one runs once it is free", async () => {
    const { db, other } = await twoConnections();
    await db.$executeRawUnsafe("PRAGMA busy_timeout = 50");
    other.exec("BEGIN IMMEDIATE");
    await expect(
      db.$transaction(async (tx) => tx.$executeRaw(Prisma.sql`INSERT INTO probe (v) VALUES ('a')`)),
    ).rejects.toThrow(/locked|busy/i);
    await expect(
      sqlRunnerOf(db).transaction((tx) =>
        tx.execute(Prisma.sql`INSERT INTO probe (v) VALUES ('b')`),
      ),
    ).rejects.toThrow(/locked|busy/i);
    await expect(db.$executeRaw(Prisma.sql`INSERT INTO probe (v) VALUES ('b2')`)).rejects.toThrow(
      /locked|busy/i,
    );
    other.exec("COMMIT");
    await db.$transaction(async (tx) =>
      tx.$executeRaw(Prisma.sql`INSERT INTO probe (v) VALUES ('c')`),
    );
    await sqlRunnerOf(db).transaction((tx) =>
      tx.execute(Prisma.sql`INSERT INTO probe (v) VALUES ('d')`),
    );
    await db.$executeRaw(Prisma.sql`INSERT INTO probe (v) VALUES ('e')`);
    expect(other.prepare("SELECT v FROM probe ORDER BY id").all()).toEqual([
      { v: "c" },
      { v: "d" },
      { v: "e" },
    ]);
  });
});
