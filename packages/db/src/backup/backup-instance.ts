// Whole-instance backup and restore. Lossless: dates, bytes and big integers are tagged in the JSON
// ({"$date"}, {"$bytes"}, {"$bigint"}), every table is exported in a stable order, and a restore
// writes everything in one transaction into an empty database (SQLite or Postgres, either way).
// Live credentials (sessions, verification tokens, rate-limit counters) are never in a backup.
import { randomBytes } from "node:crypto";
import { AppError } from "@strides/content";
import { type Db, openDb } from "../client.ts";
import { MARK_SIBLING_LOGS_SQL } from "../review/sibling-logs.ts";
import { sql } from "../review/sql-values.ts";
import { SqliteRunner, type SqlRunner, sqlRunnerOf } from "../sql-runner.ts";
import { startSqliteBulkWriter } from "../sqlite-write-worker.ts";
import { readBackupStream } from "./read-backup-stream.ts";
import { removeSqliteFiles, snapshotSqlite } from "./sqlite-snapshot.ts";
import { BACKUP_TABLES, isLiveTable, tableName } from "./tables.ts";

export const BACKUP_FORMAT = "strides-backup";
export const BACKUP_VERSION = 1;

export interface InstanceBackup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

type Delegate = {
  findMany(args: {
    orderBy: unknown;
    skip?: number;
    take?: number;
  }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
  count(): Promise<number>;
};

function delegate(db: unknown, name: string): Delegate {
  return (db as Record<string, Delegate>)[name] as Delegate;
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") };
  return value;
}

function decode(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.$date === "string") return new Date(v.$date);
    if (typeof v.$bigint === "string") return BigInt(v.$bigint);
    if (typeof v.$bytes === "string") return new Uint8Array(Buffer.from(v.$bytes, "base64"));
  }
  return value;
}

const PAGE = 1000;

type Row = Record<string, unknown>;

/** Rows after `last` in the table's order (its primary key): a keyset condition. */
function after(keys: string[], last: Row | null): Record<string, unknown> {
  if (!last) return {};
  // (k1, k2, …) > (v1, v2, …) as OR of prefixes: k1 > v1, or k1 = v1 and k2 > v2, …
  return {
    OR: keys.map((k, i) => ({
      ...Object.fromEntries(keys.slice(0, i).map((p) => [p, last[p]])),
      [k]: { gt: last[k] },
    })),
  };
}

/**
 * A row as the backup keeps it. An unused password-reset link is a live credential: the backup keeps
 * it as audit but expired at the backup's time, so a restore cannot bring the link back to life.
 */
function backupRow(model: string, row: Row, now: Date): Row {
  if (model === "PasswordReset" && row.usedAt == null && (row.expiresAt as Date) > now) {
    return { ...row, expiresAt: now };
  }
  return row;
}

async function* tableJson(
  tx: unknown,
  t: (typeof BACKUP_TABLES)[number],
  now: Date,
): AsyncGenerator<string> {
  const keys = t.orderBy.map((o) => Object.keys(o)[0] as string);
  let last: Row | null = null;
  let first = true;
  for (;;) {
    const page = await (
      delegate(tx, t.delegate) as unknown as {
        findMany(a: { where: unknown; orderBy: unknown; take: number }): Promise<Row[]>;
      }
    ).findMany({ where: after(keys, last), orderBy: t.orderBy, take: PAGE });
    if (page.length === 0) return;
    let chunk = "";
    for (const row of page) {
      const kept = backupRow(t.model, row, now);
      const encoded = Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, encode(v)]));
      chunk += `${first ? "" : ","}${JSON.stringify(encoded)}`;
      first = false;
    }
    yield chunk;
    if (page.length < PAGE) return;
    last = page[page.length - 1] as Row;
  }
}

/** The backup's JSON text, table by table, read from `reader` (a snapshot: nobody writes to it). */
async function* backupJson(reader: unknown, now: Date): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"createdAt":${JSON.stringify(now.toISOString())},"tables":{`;
  let firstTable = true;
  for (const t of BACKUP_TABLES) {
    // Live credentials and counters (sessions, verification tokens, rate limits) stay out.
    if (isLiveTable(t)) continue;
    yield `${firstTable ? "" : ","}${JSON.stringify(t.model)}:[`;
    firstTable = false;
    yield* tableJson(reader, t, now);
    yield "]";
  }
  yield "}}";
}

/**
 * The backup as JSON text chunks, read table by table in pages of 1,000 rows by keyset, so a
 * backup of any size holds one page in memory. What is read is one consistent snapshot that blocks
 * no writer:
 * - SQLite (a database file on the server's driver connection): a copy made with `VACUUM INTO` by a
 *   read-only connection on a worker thread (sqlite-snapshot.ts), beside the database, read through
 *   a client of its own and deleted when the stream ends (also when the client disconnects). The
 *   server's connection, its transaction lock and its event loop stay free for reviews.
 * - Postgres (and any other handle): one REPEATABLE READ transaction (on Postgres it blocks no
 *   writer). Stopping the iteration ends the transaction.
 */
export async function* streamInstanceBackup(options: {
  db: Db;
  now: Date;
}): AsyncGenerator<string> {
  const { db, now } = options;
  const runner = sqlRunnerOf(db);
  if (runner instanceof SqliteRunner && !runner.client.memory) {
    const copy = `${runner.client.name}.backup-${randomBytes(8).toString("hex")}`;
    try {
      await snapshotSqlite(runner.client.name, copy);
      const snapshot = await openDb(`file:${copy}`);
      try {
        // Each page is read once: SQLite's default 2 MiB page cache, not the server's 64 MiB.
        await snapshot.db.$queryRawUnsafe("PRAGMA cache_size = -2048");
        yield* backupJson(snapshot.db, now);
      } finally {
        await snapshot.close();
      }
    } finally {
      removeSqliteFiles(copy);
    }
    return;
  }
  const postgres = (db as { _activeProvider?: string })._activeProvider === "postgresql";
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let opened: (tx: unknown) => void = () => {};
  const ready = new Promise<unknown>((resolve) => {
    opened = resolve;
  });
  const transaction = db.$transaction(
    async (tx) => {
      opened(tx);
      await held;
    },
    {
      timeout: 3_600_000,
      maxWait: 10_000,
      // The SQLite client's types know only Serializable; the Postgres client takes this one.
      ...(postgres ? { isolationLevel: "RepeatableRead" as unknown as "Serializable" } : {}),
    },
  );
  const tx = await Promise.race([ready, transaction.then(() => null)]);
  try {
    yield* backupJson(tx, now);
  } finally {
    release();
    await transaction;
  }
}

/** The whole backup in memory (tests, small instances): the stream, parsed. */
export async function backupInstance(options: { db: Db; now: Date }): Promise<InstanceBackup> {
  let text = "";
  for await (const chunk of streamInstanceBackup(options)) text += chunk;
  return JSON.parse(text) as InstanceBackup;
}

export async function isInstanceEmpty(db: Db): Promise<boolean> {
  for (const t of BACKUP_TABLES) {
    if (isLiveTable(t)) continue;
    if ((await delegate(db, t.delegate).count()) > 0) return false;
  }
  return true;
}

function checkHeader(backup: { format?: unknown; version?: unknown }): void {
  if (backup?.format !== BACKUP_FORMAT) {
    throw new AppError("BAD_INPUT", "not a Strides backup", { field: "backup" });
  }
  if (backup.version !== BACKUP_VERSION) {
    throw new AppError("BAD_INPUT", `backup version ${String(backup.version)} is not supported`, {
      field: "backup",
    });
  }
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
 * instance. Rows arrive table by table in BACKUP_TABLES order (foreign keys); they are written in
 * multi-row INSERTs of 100. A SQLite database file is written by a connection of its own on a
 * worker thread (sqlite-write-worker.ts): better-sqlite3's statements (and the triggers they fire)
 * run there, and the event loop only parses the file and builds the statements, a batch at a time.
 * Postgres's driver is asynchronous already.
 */
async function writeRestore(
  db: Db,
  rows: AsyncIterable<{ table: string; row: Row } | { table: string; row: null }>,
): Promise<{ rows: number }> {
  if (!(await isInstanceEmpty(db))) {
    throw new AppError("CONFLICT", "restore needs an empty instance (a fresh database)");
  }
  const order = new Map<string, number>(BACKUP_TABLES.map((t, i) => [t.model, i]));
  let count = 0;
  const written = (n: number) => {
    count += n;
  };
  const runner = sqlRunnerOf(db);
  if (runner instanceof SqliteRunner && !runner.client.memory) {
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
  } else await writeRestoreRows(runner, rows, order, written, 1);
  return { rows: count };
}

/**
 * INSERTs sent to the SQLite worker and not yet done: the next batch is prepared while the last is
 * written. (One at a time elsewhere: a pg client runs one query at a time.)
 */
const IN_FLIGHT = 4;

/** The rows, in one transaction: see writeRestore. */
async function writeRestoreRows(
  runner: SqlRunner,
  rows: AsyncIterable<{ table: string; row: Row } | { table: string; row: null }>,
  order: Map<string, number>,
  written: (rows: number) => void,
  inFlightMax: number,
): Promise<void> {
  let logsWithoutSiblingFlag = false;
  await runner.transaction(async (tx) => {
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
  });
}

/** Restores a backup (parsed) into an empty instance; refuses a non-empty one (nothing is merged). */
export async function restoreInstance(options: {
  db: Db;
  backup: unknown;
}): Promise<{ rows: number }> {
  const backup = options.backup as Partial<InstanceBackup>;
  checkHeader(backup);
  if (typeof backup.tables !== "object" || !backup.tables) {
    throw new AppError("BAD_INPUT", "not a Strides backup", { field: "backup" });
  }
  const tables = backup.tables;
  const known = new Set<string>(BACKUP_TABLES.map((t) => t.model));
  const unknown = Object.keys(tables).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new AppError("BAD_INPUT", `unknown tables in the backup: ${unknown.join(", ")}`);
  }
  async function* rows() {
    for (const t of BACKUP_TABLES) {
      const list = tables[t.model];
      if (!list) continue;
      yield { table: t.model, row: null };
      for (const row of list) yield { table: t.model, row };
    }
  }
  return writeRestore(options.db, rows());
}

/**
 * Restores a backup file read as a stream of text (or bytes): parsed as it arrives
 * (read-backup-stream.ts) and written in batches, so memory stays bounded by a batch whatever the
 * file's size. The file's format and version are checked before any row is written.
 */
export async function restoreInstanceFromStream(options: {
  db: Db;
  chunks: AsyncIterable<string | Buffer>;
}): Promise<{ rows: number }> {
  async function* rows() {
    let header = false;
    for await (const e of readBackupStream(options.chunks)) {
      if (e.kind === "header") {
        checkHeader(e.header);
        header = true;
      } else if (!header) {
        throw new AppError("BAD_INPUT", "not a Strides backup", { field: "backup" });
      } else if (e.kind === "table") yield { table: e.table, row: null };
      else yield { table: e.table, row: e.row };
    }
    if (!header) throw new AppError("BAD_INPUT", "not a Strides backup", { field: "backup" });
  }
  return writeRestore(options.db, rows());
}
