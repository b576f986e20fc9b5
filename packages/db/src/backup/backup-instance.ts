// Whole-instance backup and restore. Lossless: dates, bytes and big integers are tagged in the JSON
// ({"$date"}, {"$bytes"}, {"$bigint"}), every table is exported in a stable order, and a restore
// writes everything in one transaction into an empty database (SQLite or Postgres, either way).
// Live credentials (sessions, verification tokens, rate-limit counters) are never in a backup.
import { randomBytes } from "node:crypto";
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { sql } from "../review/sql-values.ts";
import { postgresDriverOf, sqliteDriverOf, sqlRunnerOf } from "../sql-runner.ts";
import { openPgBackupSnapshot } from "./pg-backup-pages.ts";
import { readBackupStream } from "./read-backup-stream.ts";
import { writeBackupRows } from "./restore-rows.ts";
import { backupTableShapes, sqliteBackupText } from "./sqlite-backup-text.ts";
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
  findMany(args: { where: unknown; orderBy: unknown; take: number }): Promise<Row[]>;
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

/**
 * JSON.stringify's replacer for a backup row: each field encoded, from the row's own value (`value`
 * is a Date's toJSON already). The same text as stringifying an encoded copy of the row, without
 * building it (per field an entry array, and the copy): in a micro-benchmark on pages of ReviewLog
 * rows the collector's time fell to a third.
 */
function encodeField(this: Record<string, unknown>, key: string, value: unknown): unknown {
  return key === "" ? value : encode(this[key]);
}

/**
 * Rows a backup reads per query. A page is mapped by Prisma and encoded in one turn of the event
 * loop: on Postgres 1,000 ReviewLog rows held it 45–110 ms (a restore streamed from a backup, the
 * instructor bench's, and a server's backup download); 250 hold it 15–35 ms.
 */
const PAGE = 250;

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

type BackupTable = (typeof BACKUP_TABLES)[number];

/** The PAGE rows of a table after `last` (null: its first page), in the table's order. */
type PageReader = (t: BackupTable, last: Row | null) => Promise<Row[]>;

/** Pages read through Prisma's model API from `reader` (a client or a transaction). */
function prismaPages(reader: unknown): PageReader {
  return (t, last) => {
    const keys = t.orderBy.map((o) => Object.keys(o)[0] as string);
    return delegate(reader, t.delegate).findMany({
      where: after(keys, last),
      orderBy: t.orderBy,
      take: PAGE,
    });
  };
}

async function* tableJson(read: PageReader, t: BackupTable, now: Date): AsyncGenerator<string> {
  let first = true;
  let next = read(t, null);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    const more = page.length === PAGE;
    if (more) {
      // The next page is read while this one is encoded and passed on.
      next = read(t, page[page.length - 1] as Row);
      // Awaited on the next turn; if the reader stops first, its failure is not unhandled.
      next.catch(() => {});
    }
    let chunk = "";
    for (const row of page) {
      chunk += `${first ? "" : ","}${JSON.stringify(backupRow(t.model, row, now), encodeField)}`;
      first = false;
    }
    yield chunk;
    if (!more) return;
  }
}

/** The backup's text up to its first table. */
export function backupHeader(now: Date): string {
  return `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"createdAt":${JSON.stringify(now.toISOString())},"tables":{`;
}

/**
 * The backup's JSON text, table by table, read through Prisma from `reader` (a snapshot: nobody
 * writes to it). A SQLite file's is written by sqlite-backup-text.ts, and a Postgres database's
 * read by pg-backup-pages.ts: both must match it.
 */
export function backupJson(reader: unknown, now: Date): AsyncGenerator<string> {
  return backupText(prismaPages(reader), now);
}

/** The backup's JSON text, its pages read by `read`. */
async function* backupText(read: PageReader, now: Date): AsyncGenerator<string> {
  yield backupHeader(now);
  let firstTable = true;
  for (const t of BACKUP_TABLES) {
    // Live credentials and counters (sessions, verification tokens, rate limits) stay out.
    if (isLiveTable(t)) continue;
    yield `${firstTable ? "" : ","}${JSON.stringify(t.model)}:[`;
    firstTable = false;
    yield* tableJson(read, t, now);
    yield "]";
  }
  yield "}}";
}

/**
 * The backup as JSON text chunks, read table by table in pages of 250 rows by keyset, so a
 * backup of any size holds one page in memory. What is read is one consistent snapshot that blocks
 * no writer:
 * - SQLite (a database file on the server's driver connection): a copy made with `VACUUM INTO` by a
 *   read-only connection on a worker thread (sqlite-snapshot.ts), beside the database, written out
 *   as text by another worker thread (sqlite-backup-text.ts) and deleted when the stream ends (also
 *   when the client disconnects). The server's connection, its transaction lock and its event loop
 *   stay free for reviews.
 * - Postgres (a client opened by openDb): one read-only REPEATABLE READ transaction (it blocks no
 *   writer) on a connection of the pool, read by the pg driver (pg-backup-pages.ts), not by
 *   Prisma, whose query compilation held the event loop ~50 ms per table.
 * - Any other handle: one transaction through Prisma.
 * Stopping the iteration ends the transaction.
 */
export async function* streamInstanceBackup(options: {
  db: Db;
  now: Date;
}): AsyncGenerator<string> {
  const { db, now } = options;
  const runner = sqliteDriverOf(db);
  if (runner && !runner.client.memory) {
    const copy = `${runner.client.name}.backup-${randomBytes(8).toString("hex")}`;
    try {
      await snapshotSqlite(runner.client.name, copy);
      yield* sqliteBackupText({
        file: copy,
        header: backupHeader(now),
        tables: backupTableShapes(db),
        now,
      });
    } finally {
      await removeSqliteFiles(copy);
    }
    return;
  }
  const pgDriver = postgresDriverOf(db);
  if (pgDriver) {
    const snapshot = await openPgBackupSnapshot(pgDriver, PAGE);
    const shapes = new Map(backupTableShapes(db).map((s) => [s.model, s]));
    try {
      yield* backupText((t, last) => {
        const shape = shapes.get(t.model);
        if (!shape) throw new Error(`no shape for ${t.model}`);
        return snapshot.page(shape, last);
      }, now);
    } finally {
      await snapshot.close();
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
    yield* backupText(prismaPages(tx), now);
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

/**
 * Whether no table of a backup has a row. Raw SQL on the driver, not Prisma's count(): on a client
 * that had not queried yet (a restore into a fresh database), the first count loaded Prisma's query
 * compiler and held the event loop ~280 ms, and each table's count was compiled in turn.
 */
export async function isInstanceEmpty(db: Db): Promise<boolean> {
  const runner = sqlRunnerOf(db);
  for (const t of BACKUP_TABLES) {
    if (isLiveTable(t)) continue;
    const any = await runner.query(sql`SELECT 1 AS "any" FROM "${sql.raw(tableName(t))}" LIMIT 1`);
    if (any.length > 0) return false;
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

/** Writes a backup's rows into an empty instance; refuses a non-empty one. */
async function writeRestore(
  db: Db,
  rows: AsyncIterable<{ table: string; row: Row } | { table: string; row: null }>,
): Promise<{ rows: number }> {
  if (!(await isInstanceEmpty(db))) {
    throw new AppError("CONFLICT", "restore needs an empty instance (a fresh database)");
  }
  return writeBackupRows(db, rows);
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
