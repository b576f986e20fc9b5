// The driver runners inside a Prisma interactive transaction, on a real database: a statement run
// through the transaction client must run in the transaction (see its uncommitted rows, be rolled
// back with it), not on another connection of the pool or on the SQLite read worker.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "./client.ts";
import { checkOutConnection } from "./pg-runner.ts";
import { sql } from "./review/sql-values.ts";
import { postgresDriverOf, queryInOrder, readRunnerOf, sqlRunnerOf } from "./sql-runner.ts";
import { createTestDb, type TestDb, testDbKind } from "./testing/test-db.ts";

describe(`driver runners inside a Prisma transaction on ${testDbKind()}`, () => {
  let t: TestDb;
  // The server's kind of handle: heavy reads on the SQLite read worker, Postgres's limited reads.
  let server: DbHandle;
  beforeAll(async () => {
    t = await createTestDb();
    server = await openDb(t.url, { readWorker: true });
  });
  afterAll(async () => {
    await server?.close();
    await t?.destroy();
  });

  it("see the transaction's own rows, and their writes roll back with it", async () => {
    const seen = await server.db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { id: "in-tx", name: "T", email: "t@example.test" } });
        const byDriver = await sqlRunnerOf(tx).query(sql`SELECT id FROM "user" WHERE id = 'in-tx'`);
        const byReader = await readRunnerOf(tx).query(
          sql`SELECT id FROM "user" WHERE id = 'in-tx'`,
        );
        await sqlRunnerOf(tx).execute(
          sql`INSERT INTO "Group" (id, name, slug, "createdAt") VALUES ('g-tx', 'G', 'g-tx', ${new Date()})`,
        );
        throw Object.assign(new Error("roll back"), { seen: [byDriver.length, byReader.length] });
      })
      .catch((e: { seen?: number[] }) => e.seen);
    expect(seen).toEqual([1, 1]);
    expect(await t.db.user.count({ where: { id: "in-tx" } })).toBe(0);
    expect(await t.db.group.count({ where: { id: "g-tx" } })).toBe(0);
  });
});

describe(`writes outside a transaction on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.destroy());

  // Each writer sends its second statement just as the next writer's transaction starts: on SQLite
  // it joined that transaction's first, deferred BEGIN, which is rolled back (client.ts), and was
  // lost though it had succeeded (1 of 9 counted).
  it.each([
    ["Prisma's raw statements", (db: TestDb["db"], q: ReturnType<typeof sql>) => db.$executeRaw(q)],
    [
      "the driver runner",
      (db: TestDb["db"], q: ReturnType<typeof sql>) => sqlRunnerOf(db).execute(q),
    ],
  ])("are all kept when writers send two in a row, through %s", async (name, execute) => {
    const key = `count-${name}`;
    const now = new Date("2026-01-01T00:00:00Z");
    await Promise.all(
      Array.from({ length: 9 }, async () => {
        await execute(t.db, sql`DELETE FROM "SignInThrottle" WHERE "email" = 'nobody'`);
        await execute(
          t.db,
          sql`INSERT INTO "SignInThrottle" ("email", "address", "failures", "windowStart")
            VALUES (${key}, 'a', 1, ${now})
            ON CONFLICT ("email", "address") DO UPDATE SET "failures" = "SignInThrottle"."failures" + 1`,
        );
      }),
    );
    const row = await t.db.signInThrottle.findUniqueOrThrow({
      where: { email_address: { email: key, address: "a" } },
    });
    expect(row.failures).toBe(9);
  });
});

describe.runIf(testDbKind() === "postgres")(
  "statements in order on Postgres (queryInOrder)",
  () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb();
    });
    afterAll(async () => {
      await t?.destroy();
    });
    const insertGroup = (id: string) =>
      sql`INSERT INTO "Group" (id, name, slug, "createdAt") VALUES (${id}, 'G', ${id}, ${new Date()})
      RETURNING id`;
    const countGroups = (id: string) => sql`SELECT COUNT(*) AS n FROM "Group" WHERE id = ${id}`;

    it("answer each statement with its rows; a read after a write sees it", async () => {
      const [inserted, counted, none] = await queryInOrder(t.db, [
        insertGroup("g-order"),
        countGroups("g-order"),
        countGroups("g-absent"),
      ]);
      expect(inserted).toEqual([{ id: "g-order" }]);
      expect([Number(counted?.[0]?.n), Number(none?.[0]?.n)]).toEqual([1, 0]);
    });

    it("fail with the first failure, keep what the others did, and leave the connection usable", async () => {
      await queryInOrder(t.db, [insertGroup("g-twice")]);
      const failed = await queryInOrder(t.db, [
        insertGroup("g-twice"),
        insertGroup("g-after"),
      ]).catch((e: unknown) => e);
      expect(String((failed as Error).message)).toMatch(/unique|UNIQUE/);
      // Each statement is its own: the one after the failure ran (and committed).
      expect(await t.db.group.count({ where: { id: { in: ["g-twice", "g-after"] } } })).toBe(2);
      const [again] = await queryInOrder(t.db, [countGroups("g-twice")]);
      expect(Number(again?.[0]?.n)).toBe(1);
    });

    it("give up a connection that failed otherwise than by a statement's error", async () => {
      const killed = await queryInOrder(t.db, [
        sql`SELECT pg_terminate_backend(pg_backend_pid())`,
        sql`SELECT 1 AS one`,
      ]).catch((e: unknown) => e);
      expect(killed).toBeInstanceOf(Error);
      expect(await queryInOrder(t.db, [sql`SELECT 1 AS one`])).toEqual([[{ one: 1 }]]);
    });

    it.runIf(testDbKind() === "postgres")(
      "survive their connection dying while held, and give it up (no unhandled 'error' event)",
      async () => {
        const runner = postgresDriverOf(t.db);
        if (!runner) throw new Error("no pg runner");
        // Terminates backend `pid` and waits until it has exited (its FATAL sent).
        const kill = async (pid: unknown) => {
          await t.db.$queryRawUnsafe(`SELECT pg_terminate_backend(${Number(pid)})`);
          for (let waited = 0; waited < 5000; waited += 10) {
            const alive = await t.db.$queryRawUnsafe<unknown[]>(
              `SELECT 1 FROM pg_stat_activity WHERE pid = ${Number(pid)}`,
            );
            if (alive.length === 0) return;
            await new Promise((r) => setTimeout(r, 10));
          }
          throw new Error(`backend ${pid} still runs 5 s after pg_terminate_backend`);
        };
        // Held between statements: Postgres' FATAL arrives with no query running.
        const held = await checkOutConnection(runner.pool);
        const pid = (await held.client.query("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
        await kill(pid);
        await expect(held.client.query("SELECT 1")).rejects.toThrow();
        held.release();
        // In a transaction: the statement running fails, and the transaction with it.
        const failed = await runner
          .transaction(async (tx) => {
            const [row] = await tx.query(sql`SELECT pg_backend_pid() AS pid`);
            await kill(row?.pid);
            return tx.query(sql`SELECT 1`);
          })
          .catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(Error);
        // The pool gave both up and hands out working connections.
        expect(await queryInOrder(t.db, [sql`SELECT 1 AS one`, sql`SELECT 2 AS two`])).toEqual([
          [{ one: 1 }],
          [{ two: 2 }],
        ]);
      },
    );

    it.runIf(testDbKind() === "postgres")(
      "go out together on the hot path's connections (pg's pipelining)",
      async () => {
        const runner = postgresDriverOf(t.db);
        const client = await runner?.pool.connect();
        try {
          expect(client?.pipeline).toBe(true);
        } finally {
          client?.release();
        }
      },
    );
  },
);

describe.runIf(testDbKind() === "sqlite")("statements in order on SQLite", () => {
  it("are refused (a write there takes the runner's lock: execute, transaction)", async () => {
    const t = await createTestDb();
    try {
      await expect(queryInOrder(t.db, [sql`SELECT 1`])).rejects.toThrow(/Postgres only/);
    } finally {
      await t.destroy();
    }
  });
});

describe(`the server's Postgres connections on ${testDbKind()}`, () => {
  it.runIf(testDbKind() === "postgres")(
    "plan the hot path's prepared statements once (a generic plan); Prisma's as before",
    async () => {
      const t = await createTestDb();
      const handle = await openDb(t.url, { readWorker: true });
      try {
        // More at once than one connection: each connection of the hot path's pool is set up.
        const modes = await Promise.all(
          Array.from({ length: 4 }, () =>
            sqlRunnerOf(handle.db).transaction(async (tx) => {
              const rows = await tx.query(sql`SHOW plan_cache_mode`);
              await tx.query(sql`SELECT pg_sleep(0.05)`);
              return rows[0]?.plan_cache_mode;
            }),
          ),
        );
        expect(modes).toEqual(Array(4).fill("force_generic_plan"));
        // Prisma's statements and the heavy reads (a dashboard's): planned for their values.
        const prisma =
          await handle.db.$queryRawUnsafe<{ plan_cache_mode: string }[]>("SHOW plan_cache_mode");
        const heavy = await readRunnerOf(handle.db).query(sql`SHOW plan_cache_mode`);
        expect([prisma[0]?.plan_cache_mode, heavy[0]?.plan_cache_mode]).toEqual(["auto", "auto"]);
      } finally {
        await handle.close();
        await t.destroy();
      }
    },
  );

  it.runIf(testDbKind() === "postgres")(
    "keep the startup options of the database URL beside the hot path's",
    async () => {
      const t = await createTestDb();
      const url = new URL(t.url);
      url.searchParams.set("options", "-c statement_timeout=4321");
      const handle = await openDb(url.toString());
      try {
        const rows = await sqlRunnerOf(handle.db).query(
          sql`SELECT current_setting('statement_timeout') AS "timeout", current_setting('plan_cache_mode') AS "mode"`,
        );
        expect(rows[0]).toEqual({ timeout: "4321ms", mode: "force_generic_plan" });
      } finally {
        await handle.close();
        await t.destroy();
      }
    },
  );

  it.runIf(testDbKind() === "postgres")(
    "start without pg's warning about a query sent while the connection's set-up still runs",
    async () => {
      const t = await createTestDb();
      const module = (f: string) =>
        JSON.stringify(pathToFileURL(join(import.meta.dirname, f)).href);
      // pg warns once per process: a process of its own, whose new connections each take a
      // statement at once.
      const script = `
        const { openDb } = await import(${module("client.ts")});
        const { sqlRunnerOf } = await import(${module("sql-runner.ts")});
        const { sql } = await import(${module("review/sql-values.ts")});
        const handle = await openDb(${JSON.stringify(t.url)});
        const q = () => sqlRunnerOf(handle.db).query(sql\`SELECT pg_sleep(0.02)\`);
        await Promise.all(Array.from({ length: 4 }, q));
        await handle.close();
        console.log("done");
      `;
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [
          "--import",
          "tsx",
          "--input-type=module",
          "-e",
          script,
        ]);
        expect(stdout.trim()).toBe("done");
        expect(stderr).not.toMatch(/Warning/);
      } finally {
        await t.destroy();
      }
    },
  );
});
