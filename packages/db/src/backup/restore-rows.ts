// A restore's writing: the rows of a backup (as read from its file) decoded and written in
// multi-row INSERTs, in one transaction, by the driver (see writeBackupRows).
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { MARK_SIBLING_LOGS_SQL } from "../review/sibling-logs.ts";
import { sql } from "../review/sql-values.ts";
import { type SqlRunner, sqliteDriverOf, sqlRunnerOf } from "../sql-runner.ts";
import { startSqliteBulkWriter } from "../sqlite-write-worker.ts";
import { pauseReviewStatsTriggers, rebuildReviewStats } from "./review-stats-rebuild.ts";
import { BACKUP_TABLES, isLiveTable, tableName } from "./tables.ts";

type Row = Record<string, unknown>;

/** A backup value as it was before `encode` in backup-instance.ts tagged it. */
function decode(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.$date === "string") return new Date(v.$date);
    if (typeof v.$bigint === "string") return BigInt(v.$bigint);
    if (typeof v.$bytes === "string") return new Uint8Array(Buffer.from(v.$bytes, "base64"));
  }
  return value;
}

const BATCH = 100;
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A decoded backup value as the driver binds it (bytes as a Buffer, big integers as text on pg). */
function driverValue(v: unknown, provider: SqlRunner["provider"]): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (typeof v === "bigint" && provider === "postgres") return v.toString();
  return v;
}

/** One multi-row INSERT of `rows` (all with the same columns) into the model's table. */
async function insertRows(tx: SqlRunner, table: string, rows: Row[]): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) return;
  for (const c of columns) {
    if (!COLUMN.test(c)) {
      throw new AppError("BAD_INPUT", `not a column: ${JSON.stringify(c)}`, { field: "backup" });
    }
  }
  const names = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  const values = sql.join(
    rows.map((r) => sql`(${sql.join(columns.map((c) => driverValue(r[c], tx.provider)))})`),
  );
  await tx.execute(sql`INSERT INTO "${sql.raw(table)}" (${names}) VALUES ${values}`);
}

/**
 * Writes the rows of a backup, in one transaction on the driver (Prisma's createMany compiles and
 * interprets each batch on the event loop: 0.4–0.8 s per 500 rows under load), into an empty
 * instance (checked before). Rows arrive table by table in BACKUP_TABLES order (foreign keys); they are written in
 * multi-row INSERTs of 100. A SQLite database file is written by a connection of its own on a
 * worker thread (sqlite-write-worker.ts): better-sqlite3's statements (and the triggers they fire)
 * run there, and the event loop only parses the file and builds the statements, a batch at a time.
 * Postgres's driver is asynchronous already; there the review aggregates' triggers are off while
 * the logs are written and the aggregates rebuilt at the end, in the same transaction
 * (review-stats-rebuild.ts).
 */
export async function writeBackupRows(
  db: Db,
  rows: AsyncIterable<{ table: string; row: Row } | { table: string; row: null }>,
): Promise<{ rows: number }> {
  const order = new Map<string, number>(BACKUP_TABLES.map((t, i) => [t.model, i]));
  let count = 0;
  const written = (n: number) => {
    count += n;
  };
  const runner = sqliteDriverOf(db);
  if (runner && !runner.client.memory) {
    const writer = await startSqliteBulkWriter(runner.client.name);
    try {
      const onWorker: SqlRunner = {
        provider: "sqlite",
        query: (q) => writer.query(q),
        execute: (q) => writer.execute(q),
        transaction: (fn) => writer.transaction(() => fn(onWorker)),
      };
      await writeRestoreRows(onWorker, rows, order, written, IN_FLIGHT);
    } finally {
      await writer.stop();
    }
  } else {
    const runner = sqlRunnerOf(db);
    await writeRestoreRows(runner, rows, order, written, PG_IN_FLIGHT);
    // Statistics for the planner now, not when autovacuum next looks (the Postgres manual's advice
    // after a restore): a fresh instance's tables have none, and the review queue's plan for a
    // learner with many due cards was 40 ms instead of 1 ms with them (measured, 300 due cards).
    if (runner.provider === "postgres") await runner.execute(sql.raw("ANALYZE"));
  }
  return { rows: count };
}

/**
 * INSERTs sent to the SQLite worker and not yet done: the next batch is prepared while the last is
 * written.
 */
const IN_FLIGHT = 4;
/**
 * Elsewhere (a pg client runs one query at a time and queues the next): two, so the next batch is
 * read and built while the server writes the last. A restore streamed from another Postgres
 * instance's backup (the instructor bench's) took 85 s instead of 96 s; from a file, the same.
 */
const PG_IN_FLIGHT = 2;

/** The rows, in one transaction: see writeBackupRows. */
async function writeRestoreRows(
  runner: SqlRunner,
  rows: AsyncIterable<{ table: string; row: Row } | { table: string; row: null }>,
  order: Map<string, number>,
  written: (rows: number) => void,
  inFlightMax: number,
): Promise<void> {
  let logsWithoutSiblingFlag = false;
  await runner.transaction(async (tx) => {
    // Postgres: the review aggregates are rebuilt once at the end, not upserted per log.
    const postgres = tx.provider === "postgres";
    if (postgres) await pauseReviewStatsTriggers(tx);
    let current: (typeof BACKUP_TABLES)[number] | null = null;
    let batch: Row[] = [];
    let columns = "";
    const inFlight: Promise<void>[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const n = batch.length;
      const insert = insertRows(tx, tableName(current), batch).then(() => written(n));
      // Awaited in turn below; a failure before then must not count as unhandled.
      insert.catch(() => {});
      inFlight.push(insert);
      batch = [];
      while (inFlight.length >= inFlightMax) await inFlight.shift();
      // The event loop gets a turn between batches, whatever the driver.
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    let last = -1;
    for await (const { table, row } of rows) {
      if (current?.model !== table) {
        await flush();
        const i = order.get(table);
        if (i === undefined) {
          throw new AppError("BAD_INPUT", `unknown table in the backup: ${table}`, {
            field: "backup",
          });
        }
        if (i <= last) {
          throw new AppError("BAD_INPUT", `table ${table} is out of order in the backup`, {
            field: "backup",
          });
        }
        last = i;
        current = BACKUP_TABLES[i] ?? null;
      }
      // Older backups carried sessions: they are not brought back to life.
      if (row === null || !current || isLiveTable(current)) continue;
      if (current.model === "ReviewLog" && !("hasSiblings" in row)) logsWithoutSiblingFlag = true;
      const keys = Object.keys(row).join(",");
      if (keys !== columns) {
        await flush();
        columns = keys;
      }
      batch.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decode(v)])));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    for (const insert of inFlight.splice(0)) await insert;
    // A backup written before ReviewLog.hasSiblings restores its logs with the default (false).
    if (logsWithoutSiblingFlag) await tx.execute(sql.raw(MARK_SIBLING_LOGS_SQL));
    if (postgres) await rebuildReviewStats(tx);
  });
}
