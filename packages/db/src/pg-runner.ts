// The Postgres driver runner (pg) of the review hot path (see sql-runner.ts): values bound and
// parsed as Prisma's pg adapter stores them, a server-side prepared statement per SQL text,
// connections held for several statements (transactions, statements sent together) with a
// listener for their socket's error.
import { createHash } from "node:crypto";
import pg, { type Pool, type PoolClient } from "pg";
import type { Prisma } from "./client.ts";
import type { SqlRow, SqlRunner } from "./sql-runner.ts";

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

/** `qs` run one after the other, each settled (a failure does not stop the others). */
export async function settleInOrder(
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
export function valuesOf<T>(settled: PromiseSettledResult<T>[]): T[] {
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return s.value;
  });
}
