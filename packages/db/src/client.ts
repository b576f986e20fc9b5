// The only module that creates Prisma clients. Both generated clients have the same models;
// the domain code is typed against the SQLite one (`Db`).

import { availableParallelism } from "node:os";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { type DbProvider, readDbConfig, resolveUrl } from "./env.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PgRunner } from "./pg-runner.ts";
import { serverDbOptions } from "./server-options.ts";
import {
  limitReads,
  registerSqlReadRunner,
  registerSqlRunner,
  SqliteRunner,
  type SqliteTransactionLock,
  type SqlReadRunner,
  sqliteTransaction,
} from "./sql-runner.ts";
import { startBackgroundCheckpoints } from "./sqlite-checkpointer.ts";
import { secureSqliteFiles } from "./sqlite-file-mode.ts";
import { startSqliteReadPool } from "./sqlite-read-worker.ts";

export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client.ts";

export interface DbHandle {
  db: Db;
  provider: DbProvider;
  url: string;
  close(): Promise<void>;
}

/**
 * SQLite durability: WAL with synchronous=NORMAL. A committed transaction survives a crash of the
 * process (kill -9) because the WAL is written before COMMIT returns; only an OS crash or power loss
 * can lose the last transactions (never corrupt the file). FULL would fsync every commit.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA busy_timeout = 5000",
  // Page cache of up to 32 MiB (SQLite's default is 2 MiB): the indexes a group's review loop walks
  // stay in memory instead of being re-read from the OS on every statement (queue statement with 64
  // learners interleaved, 450 reviews each: 1.49 -> 1.0 ms with 64 MiB). It counts in the server's
  // memory: 64 MiB took a school's server past 500 MB during a morning's reviews.
  "PRAGMA cache_size = -32768",
] as const;

/**
 * BEGIN IMMEDIATE, waiting for the write lock as long as the connection's busy_timeout, without
 * holding the event loop: SQLite's own wait (its busy handler) sleeps inside the call, on this
 * thread. With pages apart from the review API, each has a connection: a review waiting while the
 * pages' connection held the lock (an import, a group action) froze the review API's whole loop for
 * as long. Each attempt is non-blocking (busy_timeout 0 for that statement only, so statements run
 * between attempts keep the connection's own wait); between attempts this thread's loop runs.
 */
async function beginImmediate(client: BetterSqlite3.Database): Promise<void> {
  const timeoutMs = Number(client.pragma("busy_timeout", { simple: true }));
  const deadline = performance.now() + timeoutMs;
  for (let pause = 1; ; pause = Math.min(2 * pause, 16)) {
    client.pragma("busy_timeout = 0");
    try {
      client.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      const busy = String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY");
      if (!busy || performance.now() >= deadline) throw error;
    } finally {
      client.pragma(`busy_timeout = ${timeoutMs}`);
    }
    const left = deadline - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(pause, left))));
  }
}

/**
 * Prisma's Postgres adapter over our pool `pool`. The adapter tells a pool from a configuration with
 * `instanceof` against its own copy of pg; where two copies are loaded (Next's server bundle, run
 * without module hooks, loads pg through its alias in .next/node_modules, and the adapter's ES
 * module import loads it again from its real path), our pool failed that test, and the adapter
 * opened a pool of its own configured with ours as its options: every connection then failed
 * ("The "string" argument must be of type string…" at connection start-up). So the adapter is
 * given our pool either way, in the two fields its constructor sets for a pool.
 */
export function prismaPgOver(pool: pg.Pool): PrismaPg {
  const adapter = new PrismaPg(pool);
  const fields = adapter as unknown as { externalPool: pg.Pool | null; config: unknown };
  if (fields.externalPool !== pool) {
    fields.externalPool = pool;
    fields.config = pool.options;
  }
  return adapter;
}

/**
 * Both Postgres pools of a handle (see openDb). An idle connection is kept 5 minutes, not pg's 10 s:
 * a new one costs a backend's start, its catalog caches and each statement's preparation again.
 * With 10 s, every burst that needed one more connection than the last 10 s had (a page after a
 * quiet spell, a few slow reviews) opened it while learners waited: the school bench's reviews
 * stalled up to 140 ms at the start of most runs with an instructor's pages beside them (Postgres;
 * ≤ 60 ms with 5 minutes). Opened on demand, as before: up to `max` each.
 */
function pgPoolOptions(connectionString: string): pg.PoolConfig {
  return {
    connectionString,
    max: 10,
    idleTimeoutMillis: 5 * 60_000,
    connectionTimeoutMillis: 15_000,
  };
}

/** The hot path's connections' startup options (see openDb); the setting needs Postgres 12. */
const PG_HOT_PATH_OPTIONS = "-c plan_cache_mode=force_generic_plan";

/**
 * `url` with PG_HOT_PATH_OPTIONS added to its startup options (any it has are kept: pg takes the
 * URL's `options` over its config's). Set when the connection starts, not by a statement on
 * pg's "connect" event: the pool hands the connection out without waiting for that statement, and
 * a query sent meanwhile is queued behind it, which pg 8 warns about at every server start and
 * pg 9 will refuse. A string that is not a URL is used as it is (Postgres then plans as it chooses).
 */
export function withHotPathOptions(url: string): string {
  try {
    const u = new URL(url);
    const own = u.searchParams.get("options");
    u.searchParams.set("options", own ? `${own} ${PG_HOT_PATH_OPTIONS}` : PG_HOT_PATH_OPTIONS);
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * How many heavy reads (dashboard aggregates, statistics, export pages) run at once: every core but
 * one, which stays with the event loop and the review path. On two cores the dashboard's aggregates
 * then run one after the other (a page takes longer), and learners' reviews keep a core.
 */
export function heavyReadSlots(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The server's heavy-read workers (heavyReadSlots of them), sharing a 16 MiB page cache: their
 * statements scan more than any cache this size holds, and the OS keeps the file's pages anyway.
 * A full cache counts in the server's memory: with 32 MiB the school bench's peak RSS was 498–505 MB
 * (target 500), with 16 MiB 465 MB, with 8 MiB 462 MB but the 100k-log statistics page took 93 ms
 * instead of ~60 (2026-12-04, SQLite).
 */
const READ_CACHE_KIB = 16_384;

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter["startTransaction"]>>;

/**
 * The better-sqlite3 adapter with one repair. When COMMIT fails (disk full, I/O error), SQLite can
 * keep the transaction open, and Prisma 6.19 then never releases the adapter's transaction lock
 * (it only releases it after a successful COMMIT): every later transaction would wait forever.
 * Here a failed COMMIT rolls back what is still open and releases the lock, so the server recovers
 * as soon as the disk has room again. Nothing acknowledged is affected: the failed commit was never
 * acknowledged.
 */
class RecoveringSqliteAdapterFactory extends PrismaBetterSQLite3 {
  /** The adapter's connection (once connected), shared with the driver runner. */
  connected: {
    adapter: SqliteAdapter;
    client: BetterSqlite3.Database;
    /** The adapter's transaction lock, BEGIN IMMEDIATE included (startTransaction below). */
    lock: SqliteTransactionLock;
  } | null = null;

  override async connect(): Promise<SqliteAdapter> {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    // The transaction past its BEGIN IMMEDIATE, until it ends: statements outside a transaction
    // join it (the connection is shared). Not the adapter's first, deferred BEGIN, which is rolled
    // back below: a write that joined it then was rolled back with it, though its caller was told
    // it succeeded (a writer's second statement, sent as the next transaction started, was lost).
    let started: SqliteTransaction | null = null;
    const joinable = () => started !== null && client.inTransaction;
    const lock: SqliteTransactionLock = {
      begin: async () => {
        const tx = await adapter.startTransaction();
        return { release: () => tx.commit() };
      },
      joinable,
    };
    this.connected = { adapter, client, lock };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx: SqliteTransaction = await startTransaction(isolationLevel);
      // Every transaction takes SQLite's write lock at BEGIN (IMMEDIATE), waiting up to
      // busy_timeout for it. The adapter's BEGIN is DEFERRED: a transaction that reads, then writes,
      // fails at once (SQLITE_BUSY) when another connection committed in between (the restore's
      // worker, or the web server's other thread: pages and the review API each have one). The
      // deferred BEGIN has taken no lock yet; when the immediate one fails (the lock held past
      // busy_timeout, a read-only file), the adapter's lock is released, or every later
      // transaction would wait for it forever.
      try {
        client.exec("ROLLBACK");
        await beginImmediate(client);
      } catch (error) {
        await tx.rollback();
        throw error;
      }
      started = tx;
      for (const end of ["commit", "rollback"] as const) {
        const release = tx[end].bind(tx);
        tx[end] = () => {
          if (started === tx) started = null;
          return release();
        };
      }
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (/^\s*COMMIT\b/i.test(query.sql)) {
            try {
              if (client.inTransaction) client.exec("ROLLBACK");
            } finally {
              await tx.rollback();
            }
          }
          throw error;
        }
      };
      return tx;
    };
    // Prisma's own writes outside a transaction (better-auth's session renewal on the review API's
    // thread, its rate limits, a sign-in's failures) are transactions of their own too: the
    // adapter runs them as they come, and SQLite then waits for the write lock in its busy handler,
    // holding this thread's event loop up to busy_timeout while the other thread writes. Inside a
    // transaction (the connection is shared) they run as before.
    for (const method of ["queryRaw", "executeRaw"] as const) {
      const run = adapter[method].bind(adapter) as (query: SqlQuery) => Promise<never>;
      adapter[method] = async (query: SqlQuery) => {
        if (joinable() || !SQL_WRITE.test(query.sql)) return run(query);
        return sqliteTransaction(client, lock, () => run(query));
      };
    }
    return adapter;
  }
}

type SqlQuery = Parameters<SqliteAdapter["queryRaw"]>[0];

/** A statement that writes (Prisma's inserts, updates and deletes, with or without RETURNING). */
const SQL_WRITE = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;

export interface OpenDbOptions {
  /**
   * SQLite: checkpoint the WAL from a worker thread instead of during COMMITs on the event loop
   * (sqlite-checkpointer.ts). For a long-running server; scripts and tests keep SQLite's default.
   */
  backgroundCheckpoints?: boolean;
  /**
   * SQLite: run heavy reads (dashboard, statistics, exports: `readRunnerOf`) on a read-only
   * connection in a worker thread (sqlite-read-worker.ts), so they never hold the event loop.
   * Both: at most `heavyReadSlots()` heavy reads at once (the server's handle).
   */
  readWorker?: boolean;
  /** SQLite: this connection's page cache in KiB (default 32 MiB, SQLITE_PRAGMAS). */
  cacheKiB?: number;
  /**
   * SQLite: commit-time WAL checkpoints only past this many pages (a connection beside another
   * that has the background checkpointer: its commits then never copy the WAL on its event loop).
   */
  autocheckpointPages?: number;
}

export async function openDb(urlOrEnv?: string, options: OpenDbOptions = {}): Promise<DbHandle> {
  const { provider, url } = urlOrEnv ? resolveUrl(urlOrEnv) : readDbConfig();
  if (provider === "sqlite") {
    secureSqliteFiles(url.slice("file:".length));
    const factory = new RecoveringSqliteAdapterFactory({ url, timeout: 5000 });
    const db = new SqliteClient({ adapter: factory });
    for (const pragma of SQLITE_PRAGMAS) await db.$queryRawUnsafe(pragma);
    if (options.cacheKiB !== undefined) {
      await db.$queryRawUnsafe(`PRAGMA cache_size = -${Math.max(0, Math.trunc(options.cacheKiB))}`);
    }
    if (options.autocheckpointPages !== undefined) {
      const pages = Math.max(0, Math.trunc(options.autocheckpointPages));
      await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${pages}`);
    }
    // The WAL and SHM files exist now (journal_mode=WAL): owner-only like the database.
    secureSqliteFiles(url.slice("file:".length));
    const connected = factory.connected;
    if (!connected) throw new Error("the SQLite adapter did not connect");
    // The hot path's statements run on Prisma's own connection, taking its transaction lock.
    const runner = new SqliteRunner(connected.client, connected.lock);
    registerSqlRunner(db, runner);
    const checkpoints = options.backgroundCheckpoints
      ? startBackgroundCheckpoints(connected.client)
      : null;
    const reads =
      options.readWorker && !connected.client.memory
        ? startSqliteReadPool(connected.client.name, (q) => runner.query(q), {
            size: heavyReadSlots(),
            cacheKiB: READ_CACHE_KIB,
          })
        : null;
    // The pool's workers take the statements; limitReads bounds a statement's wait for one, as on
    // Postgres.
    if (reads) {
      const pool: SqlReadRunner = { provider: "sqlite", query: (q) => reads.query(q) };
      registerSqlReadRunner(db, limitReads(pool, heavyReadSlots()));
    }
    return {
      db,
      provider,
      url,
      close: async () => {
        await checkpoints?.stop();
        await reads?.stop();
        await db.$disconnect();
      },
    };
  }
  // A stopped server refuses at once (ECONNREFUSED → 503); the timeout only bounds the wait for a
  // free connection of the pool during a burst.
  const pool = new pg.Pool(pgPoolOptions(url));
  // The hot path's statements (PgRunner) have connections of their own. Each statement is prepared
  // once per connection and, left to choose, Postgres kept planning the review queue's statement
  // afresh at every execution (a custom plan: 1.3–11 ms of planning for 0.4–1 ms of execution, on
  // the school bench's database): planning was most of its CPU under the review loop. On these
  // connections a generic plan is made once, and ran as fast. Prisma's statements and the heavy
  // reads stay on the shared pool, planned as before: on generic plans (the setting applies to
  // every statement with parameters) a dashboard's aggregates took 4× as long.
  // Pipelined (pg's `pipeline`): a review's write and the queue read after it go out together
  // (queryInOrder), one round trip fewer per review; a connection used one statement at a time
  // behaves as any other.
  const hotPool = new pg.Pool({ ...pgPoolOptions(withHotPathOptions(url)), pipeline: true });
  for (const p of [pool, hotPool]) {
    p.on("error", () => {
      // An idle client lost its connection (server restart): the pool replaces it on next use.
    });
  }
  const client = new PostgresClient({ adapter: prismaPgOver(pool) });
  const runner = new PgRunner(hotPool);
  registerSqlRunner(client, runner);
  // The server's heavy reads: on the shared pool, as many at once as the SQLite read workers.
  if (options.readWorker)
    registerSqlReadRunner(client, limitReads(new PgRunner(pool), heavyReadSlots()));
  return {
    db: client as unknown as Db,
    provider,
    url,
    close: async () => {
      await client.$disconnect();
      await Promise.all([pool.end(), hotPool.end()]);
    },
  };
}

const globalForDb = globalThis as unknown as { stridesDb?: Promise<DbHandle> };

/**
 * This thread's database, opened once from the environment (cached on globalThis for dev reloads;
 * each worker thread has its own).
 */
export function getDb(): Promise<DbHandle> {
  globalForDb.stridesDb ??= openDb(undefined, serverDbOptions());
  return globalForDb.stridesDb;
}
