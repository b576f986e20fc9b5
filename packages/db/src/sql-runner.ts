// Runs the review hot path's SQL on the database driver itself (better-sqlite3, pg), skipping
// Prisma's query engine: a primary-key read costs ~1.8 ms through Prisma's model API, ~0.55 ms
// through $queryRaw and ~0.01 ms on better-sqlite3 with a cached prepared statement. The SQL is
// the same tagged `Prisma.Sql` the code builds anyway (bound parameters, never spliced text), and
// values are written in the format Prisma's adapters store, so both paths read and write the same
// rows. Every other query keeps going through Prisma.
import { createHash } from "node:crypto";
import { AppError } from "@strides/content";
import type BetterSqlite3 from "better-sqlite3";
import pg, { type Pool, type PoolClient } from "pg";
import type { Db, Prisma } from "./client.ts";

export type SqlRow = Record<string, unknown>;

export interface SqlRunner {
  readonly provider: "sqlite" | "postgres";
  /** Rows of a SELECT (or of a statement with RETURNING). */
  query(q: Prisma.Sql): Promise<SqlRow[]>;
  /** Rows changed by an INSERT / UPDATE / DELETE. */
  execute(q: Prisma.Sql): Promise<number>;
  /** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** The lock a SQLite transaction takes on the shared connection (Prisma's adapter's own). */
export interface SqliteTransactionLock {
  /** Waits for the connection's transaction lock and runs BEGIN; `release` after COMMIT/ROLLBACK. */
  begin(): Promise<{ release(): Promise<void> }>;
}

/** SQLite's stored DateTime format under Prisma's adapter (ISO 8601 with "+00:00"). */
export function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}

/**
 * better-sqlite3 on the connection Prisma's adapter opened (one connection per process, as Prisma
 * uses it): prepared statements are cached per SQL text. Transactions take the adapter's lock, so
 * they never interleave with a Prisma transaction.
 */
export class SqliteRunner implements SqlRunner {
  readonly provider = "sqlite" as const;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly client: BetterSqlite3.Database,
    readonly lock: SqliteTransactionLock,
  ) {}

  #statement(sql: string): BetterSqlite3.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.client.prepare(sql);
      if (stmt.reader) stmt.safeIntegers(false);
      // Statements are built from a bounded set of templates; the cap guards against a caller
      // that splices varying text (lists of ids) into many distinct statements.
      if (this.#statements.size >= 500) this.#statements.clear();
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  query(q: Prisma.Sql): Promise<SqlRow[]> {
    try {
      const stmt = this.#statement(q.sql);
      return Promise.resolve(stmt.all(...q.values.map(sqliteValue)) as SqlRow[]);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  execute(q: Prisma.Sql): Promise<number> {
    // Outside a transaction a write is one of its own, so it waits for the write lock as every
    // transaction does (without holding the event loop, client.ts) instead of in SQLite's busy
    // handler on this thread (a token's last use, an exercise's variant, on the review path).
    if (!this.client.inTransaction) return this.transaction((tx) => tx.execute(q));
    try {
      const stmt = this.#statement(q.sql);
      return Promise.resolve(stmt.run(...q.values.map(sqliteValue)).changes);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return sqliteTransaction(this.client, this.lock, () => fn(this));
  }
}

/**
 * `fn` in one transaction on `client`, holding `lock`: committed when it returns, rolled back when
 * it throws. The driver runner's transactions and Prisma's own writes outside one (client.ts).
 */
export async function sqliteTransaction<T>(
  client: BetterSqlite3.Database,
  lock: SqliteTransactionLock,
  fn: () => Promise<T>,
): Promise<T> {
  const held = await lock.begin();
  try {
    const result = await fn();
    client.exec("COMMIT");
    return result;
  } catch (e) {
    // A failed COMMIT (disk full) can leave the transaction open: roll back what remains.
    if (client.inTransaction) client.exec("ROLLBACK");
    throw e;
  } finally {
    await held.release();
  }
}

const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;
const parseTimestamp = (s: string) => new Date(`${s.replace(" ", "T")}Z`);
/**
 * pg's parsers, except TIMESTAMP(3) (UTC wall-clock time, as Prisma writes it) and INT8, read by
 * `int8` (pg's own gives text).
 */
export function pgTypesWith(int8: (text: string) => unknown): never {
  return {
    getTypeParser: (oid: number, format?: "text" | "binary") => {
      if (oid === PG_TIMESTAMP) return parseTimestamp;
      if (oid === PG_INT8) return int8;
      return pg.types.getTypeParser(oid, format as "text");
    },
  } as never;
}
/** INT8 as a number: the hot path's are counts. */
const pgTypes = pgTypesWith(Number);

function pad(n: number, width = 2) {
  return String(n).padStart(width, "0");
}

/** A Date as Postgres TIMESTAMP text in UTC (the format Prisma's pg adapter binds). */
export function pgValue(v: unknown): unknown {
  if (!(v instanceof Date)) return v;
  return `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(
    v.getUTCHours(),
  )}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}.${pad(v.getUTCMilliseconds(), 3)}`;
}

type PgQueryable = Pick<Pool, "query"> | PoolClient;

const names = new Map<string, string>();

/**
 * A server-side prepared statement per SQL text (pg prepares it once per connection): the queue's
 * union statement cost more to plan than to run. Limits are inlined integers, so each distinct
 * window is its own statement; the map is bounded like the SQLite statement cache.
 */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `strides_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (names.size >= 500) names.clear();
    names.set(text, name);
  }
  return name;
}

/** A connection taken from a pool for several statements (checkOutConnection). */
export interface HeldConnection {
  client: PoolClient;
  /** Marks the connection broken: release() then destroys it instead of pooling it again. */
  broke(): void;
  /** Gives the connection back (destroyed when it broke). Call once. */
  release(): void;
}

/**
 * A connection of `pool` for several statements. pg reports a dead socket to the connection's
 * queries and also as an "error" event on the connection, which pg-pool listens to only while the
 * connection is idle (or inside pool.query): without a listener of ours while it is held, Postgres
 * going away during a review ended the server (an unhandled "error" event; the Postgres outage
 * test). The error marks the connection broken; its statements fail on their own.
 */
export async function checkOutConnection(pool: Pool): Promise<HeldConnection> {
  const client = await pool.connect();
  let broken = false;
  const broke = () => {
    broken = true;
  };
  client.on("error", broke);
  return {
    client,
    broke,
    release() {
      client.removeListener("error", broke);
      client.release(broken);
    },
  };
}

/** pg on the pool Prisma's adapter shares; types parsed as by Prisma (UTC timestamps). */
export class PgRunner implements SqlRunner {
  readonly provider = "postgres" as const;

  constructor(
    readonly pool: Pool,
    readonly client: PgQueryable = pool,
  ) {}

  #run(q: Prisma.Sql) {
    const text = q.text;
    return this.client.query({
      name: statementName(text),
      text,
      values: q.values.map(pgValue),
      types: pgTypes,
    });
  }

  async query(q: Prisma.Sql): Promise<SqlRow[]> {
    return (await this.#run(q)).rows as SqlRow[];
  }

  /**
   * The statements sent together on one connection (see queryInOrder): on a pipelined connection
   * (the hot path's pool is opened with `pipeline: true`) the server receives the second without
   * waiting for the first's answer; on any other, one after the other (pg 8 warns about a query
   * given to a busy connection, pg 9 refuses it). A connection that failed otherwise than by a
   * statement's error (FATAL, a dead socket) is not given back to the pool.
   */
  async queryInOrder(qs: Prisma.Sql[]): Promise<SqlRow[][]> {
    const settle = (runner: PgRunner) =>
      (runner.client as { pipeline?: boolean }).pipeline === true
        ? Promise.allSettled(qs.map((q) => runner.query(q)))
        : settleInOrder(qs, (q) => runner.query(q));
    if (this.client !== this.pool) return valuesOf(await settle(this));
    return this.#withConnection(async (client, broke) => {
      const settled = await settle(new PgRunner(this.pool, client));
      if (settled.some((r) => r.status === "rejected" && !isStatementError(r.reason))) broke();
      return valuesOf(settled);
    });
  }

  /** `fn` on a connection of the pool (checkOutConnection), given back after. */
  async #withConnection<T>(fn: (client: PoolClient, broke: () => void) => Promise<T>): Promise<T> {
    const held = await checkOutConnection(this.pool);
    try {
      return await fn(held.client, held.broke);
    } finally {
      held.release();
    }
  }

  async execute(q: Prisma.Sql): Promise<number> {
    return (await this.#run(q)).rowCount ?? 0;
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    if (this.client !== this.pool) return fn(this);
    return this.#withConnection(async (client, broke) => {
      try {
        await client.query("BEGIN");
        const result = await fn(new PgRunner(this.pool, client));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        try {
          await client.query("ROLLBACK");
        } catch {
          broke();
        }
        throw e;
      }
    });
  }
}

/** Through Prisma ($queryRaw, interactive transactions): for Prisma transaction clients. */
export class PrismaRunner implements SqlRunner {
  constructor(
    readonly db: Db | Prisma.TransactionClient,
    readonly provider: "sqlite" | "postgres",
  ) {}

  query(q: Prisma.Sql): Promise<SqlRow[]> {
    return this.db.$queryRaw<SqlRow[]>(q);
  }

  execute(q: Prisma.Sql): Promise<number> {
    return this.db.$executeRaw(q);
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    // Already inside a transaction: its statements are this one's.
    if (isTransactionClient(this.db)) return fn(this);
    return (this.db as Db).$transaction((tx) => fn(new PrismaRunner(tx, this.provider)), {
      maxWait: 15_000,
      timeout: 15_000,
    });
  }
}

// The registry and the brand are global symbols, not module state: the production server loads
// this module twice (Next's bundle and the direct review route), and both must find the runner of
// the one shared client.
const RUNNER = Symbol.for("strides.sqlRunner");
const BRAND = Symbol.for("strides.sqlRunner.brand");
const SQLITE_DRIVER = Symbol.for("strides.sqlRunner.sqliteDriver");
const PG_DRIVER = Symbol.for("strides.sqlRunner.pgDriver");
for (const c of [SqliteRunner, PgRunner, PrismaRunner]) {
  Object.defineProperty(c.prototype, BRAND, { value: true });
}
Object.defineProperty(SqliteRunner.prototype, SQLITE_DRIVER, { value: true });
Object.defineProperty(PgRunner.prototype, PG_DRIVER, { value: true });

/** Registers the driver runner of a client opened by openDb. */
export function registerSqlRunner(db: object, runner: SqlRunner) {
  Object.defineProperty(db, RUNNER, { value: runner, configurable: true });
}

export function isSqlRunner(v: unknown): v is SqlRunner {
  return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * The runner for a database handle: the driver runner registered by openDb, the runner itself,
 * or Prisma's raw queries for anything else (a Prisma transaction client).
 */
export function sqlRunnerOf(db: Db | Prisma.TransactionClient | SqlRunner): SqlRunner {
  if (isSqlRunner(db)) return db;
  if (isTransactionClient(db)) return new PrismaRunner(db, providerOf(db));
  const registered = (db as unknown as Record<symbol, SqlRunner | undefined>)[RUNNER];
  if (registered) return registered;
  return new PrismaRunner(db, providerOf(db));
}

function providerOf(db: object): "sqlite" | "postgres" {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql"
    ? "postgres"
    : "sqlite";
}

/**
 * A Prisma interactive-transaction client (it has no `$transaction` of its own). Its proxy also
 * answers with what was registered on the root client, but those runners use another connection
 * (Postgres's pool, the SQLite read worker): a statement there would run outside the transaction,
 * miss its uncommitted rows and, with every pool connection held by a transaction, wait forever.
 */
function isTransactionClient(db: object): boolean {
  return typeof (db as { $transaction?: unknown }).$transaction !== "function";
}

/**
 * The SQLite driver runner behind a handle, whichever copy of this module made it (`instanceof`
 * fails across copies: in the server, a backup read the whole database through Prisma on the
 * event loop because of that), else null.
 */
export function sqliteDriverOf(db: Db | Prisma.TransactionClient | SqlRunner): SqliteRunner | null {
  const runner = sqlRunnerOf(db);
  return (runner as unknown as Record<symbol, unknown>)[SQLITE_DRIVER] === true
    ? (runner as SqliteRunner)
    : null;
}

/** The pg driver runner behind a handle (whichever copy of this module made it), else null. */
export function postgresDriverOf(db: Db | Prisma.TransactionClient | SqlRunner): PgRunner | null {
  const runner = sqlRunnerOf(db);
  return (runner as unknown as Record<symbol, unknown>)[PG_DRIVER] === true
    ? (runner as PgRunner)
    : null;
}

/**
 * Runs `qs` in order on Postgres, each a statement of its own (outside a transaction the second
 * sees what the first committed; inside one, a failure aborts the rest). On the hot path's
 * pipelined connections they go out together (PgRunner.queryInOrder): a write and the read after
 * it cost one round trip. Every statement runs even when an earlier one fails (they are already
 * sent), so only reads may follow the first; the first failure is thrown once all have answered.
 * Postgres only: on SQLite a write must take the runner's write lock (execute, transaction).
 */
export async function queryInOrder(
  db: Db | Prisma.TransactionClient | SqlRunner,
  qs: Prisma.Sql[],
): Promise<SqlRow[][]> {
  const runner = sqlRunnerOf(db);
  if (runner.provider !== "postgres") throw new Error("queryInOrder runs on Postgres only");
  const pgRunner = postgresDriverOf(runner);
  if (pgRunner) return pgRunner.queryInOrder(qs);
  // A Prisma transaction client on Postgres: its statements, one after the other.
  return valuesOf(await settleInOrder(qs, (q) => runner.query(q)));
}

/** `qs` run one after the other, each settled (a failure does not stop the others). */
async function settleInOrder(
  qs: Prisma.Sql[],
  run: (q: Prisma.Sql) => Promise<SqlRow[]>,
): Promise<PromiseSettledResult<SqlRow[]>[]> {
  const settled: PromiseSettledResult<SqlRow[]>[] = [];
  for (const q of qs) {
    settled.push(
      await run(q).then(
        (value) => ({ status: "fulfilled", value }),
        (reason: unknown) => ({ status: "rejected", reason }),
      ),
    );
  }
  return settled;
}

/**
 * A statement's own failure (severity ERROR: a constraint, a conflict), after which its connection
 * is still good; FATAL, PANIC and errors of the socket are not.
 */
function isStatementError(e: unknown): boolean {
  return (e as { severity?: unknown } | null)?.severity === "ERROR";
}

/** The values of settled promises, or the first failure. */
function valuesOf<T>(settled: PromiseSettledResult<T>[]): T[] {
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return s.value;
  });
}

/** Runs reads only: aggregates and pages that may take longer than the event loop can spare. */
export interface SqlReadRunner {
  readonly provider: "sqlite" | "postgres";
  query(q: Prisma.Sql): Promise<SqlRow[]>;
}

const READER = Symbol.for("strides.sqlReadRunner");

/** How long a heavy read waits for a slot (limitReads) before it is refused as UNAVAILABLE. */
export const HEAVY_READ_WAIT_MS = 30_000;

/**
 * `reader` running at most `slots` statements at once; the others wait their turn in order, each
 * at most `waitMs`, then fail with AppError("UNAVAILABLE", key "serverBusy") rather than leave a
 * page loading for as long as the statements ahead of it take. Heavy reads are CPU-bound wherever
 * they run (a read worker, a Postgres backend on the same machine): more of them at once than the
 * machine has cores to spare starve the event loop of a core, and every learner's review waits.
 */
export function limitReads(
  reader: SqlReadRunner,
  slots: number,
  waitMs = HEAVY_READ_WAIT_MS,
): SqlReadRunner {
  const limit = Math.max(1, Math.trunc(slots));
  let running = 0;
  const waiting: (() => void)[] = [];
  const waitTurn = () =>
    new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(turn), 1);
        reject(
          new AppError("UNAVAILABLE", `no heavy-read slot freed within ${waitMs} ms`, {
            key: "serverBusy",
          }),
        );
      }, waitMs);
      waiting.push(turn);
    });
  return {
    provider: reader.provider,
    async query(q) {
      // A finished statement hands its slot to the first waiting one (no newcomer takes it between).
      if (running >= limit) await waitTurn();
      else running++;
      try {
        return await reader.query(q);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}

/** Registers where a client's heavy reads run (the server's SQLite read worker). */
export function registerSqlReadRunner(db: object, reader: SqlReadRunner) {
  Object.defineProperty(db, READER, { value: reader, configurable: true });
}

/**
 * Where heavy reads (dashboard aggregates, statistics, export pages) run: the SQLite read worker
 * when the handle has one (the server's), else the same runner as every other query (Postgres's
 * pool is asynchronous already).
 */
export function readRunnerOf(db: Db | Prisma.TransactionClient | SqlRunner): SqlReadRunner {
  if (!isSqlRunner(db) && !isTransactionClient(db)) {
    const registered = (db as unknown as Record<symbol, SqlReadRunner | undefined>)[READER];
    if (registered) return registered;
  }
  return sqlRunnerOf(db);
}
