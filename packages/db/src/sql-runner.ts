// Runs the review hot path's SQL on the database driver itself (better-sqlite3, pg), skipping
// Prisma's query engine: a primary-key read costs ~1.8 ms through Prisma's model API, ~0.55 ms
// through $queryRaw and ~0.01 ms on better-sqlite3 with a cached prepared statement. The SQL is
// the same tagged `Prisma.Sql` the code builds anyway (bound parameters, never spliced text), and
// values are written in the format Prisma's adapters store, so both paths read and write the same
// rows. Every other query keeps going through Prisma. Postgres' runner is in pg-runner.ts.
import { AppError } from "@strides/content";
import type BetterSqlite3 from "better-sqlite3";
import type { Db, Prisma } from "./client.ts";
import { PgRunner, settleInOrder, valuesOf } from "./pg-runner.ts";

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
  /**
   * A transaction is open on the shared connection and past its start, so a statement run now is
   * one of its statements. Not while one is starting (client.ts): its first BEGIN is rolled back,
   * and a write run then would be lost with it.
   */
  joinable(): boolean;
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
    if (!this.lock.joinable()) return this.transaction((tx) => tx.execute(q));
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
