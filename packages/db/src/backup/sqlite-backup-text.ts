// A SQLite backup's JSON text, written on a worker thread. Read through Prisma on the event loop,
// a 640k-log backup held it for 100–500 ms at a time (each page of 1,000 rows is compiled,
// interpreted and turned into objects there) and left ~100 MB of garbage per cycle in the server's
// heap. Here a read-only connection on a worker thread reads the snapshot table by table and
// writes the same text (the same fields in the same order, tagged as by `encode` in
// backup-instance.ts); the event loop only passes the chunks on, one ahead of the consumer. The
// worker's heap is capped small, so its garbage is collected often instead of growing.
import { Worker } from "node:worker_threads";
import { LOWER_THREAD_PRIORITY } from "../background-thread.ts";
import type { Db } from "../client.ts";
import { betterSqlite3Module } from "../sqlite-read-worker.ts";
import { BACKUP_TABLES, isLiveTable, tableName } from "./tables.ts";

export interface BackupTableShape {
  model: string;
  table: string;
  /** Scalar fields in the model's order, with their Prisma types. */
  columns: { name: string; type: string }[];
  orderBy: string[];
}

/** The backed-up tables' columns and order, from the client's data model. */
export function backupTableShapes(db: Db): BackupTableShape[] {
  const model = (
    db as unknown as {
      _runtimeDataModel: {
        models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
      };
    }
  )._runtimeDataModel;
  return BACKUP_TABLES.filter((t) => !isLiveTable(t)).map((t) => {
    const fields = model.models[t.model]?.fields ?? [];
    return {
      model: t.model,
      table: tableName(t),
      columns: fields
        .filter((f) => f.kind === "scalar")
        .map((f) => ({ name: f.name, type: f.type })),
      orderBy: t.orderBy.map((o) => Object.keys(o)[0] as string),
    };
  });
}

// Plain CommonJS, as the read worker's. DateTime values are stored as Prisma's adapter writes them
// (ISO 8601 with an offset), as SQLite's CURRENT_TIMESTAMP writes them (UTC, no zone), or as
// milliseconds. The header and the PasswordReset rule are those of backupJson / backupRow.
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY}
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(typeof workerData.module === "string" ? workerData.module : "better-sqlite3");
const { header, tables, now, chunkChars } = workerData;
const nowMs = Date.parse(now);
const SQL_TIME = /^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$/;
function toDate(v) {
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  return new Date(SQL_TIME.test(v) ? v.replace(" ", "T") + "Z" : v);
}
function value(type, v) {
  if (v === null || v === undefined) return null;
  switch (type) {
    case "Int": case "Float": return Number(v);
    case "Boolean": return Number(v) !== 0;
    case "BigInt": return { $bigint: String(v) };
    case "DateTime": return { $date: toDate(v).toISOString() };
    case "Bytes": return { $bytes: Buffer.from(v).toString("base64") };
    default: return v;
  }
}
function* text(db) {
  yield header;
  let firstTable = true;
  for (const t of tables) {
    yield (firstTable ? "" : ",") + JSON.stringify(t.model) + ":[";
    firstTable = false;
    const cols = t.columns.map((c) => '"' + c.name + '"').join(", ");
    const order = t.orderBy.map((k) => '"' + k + '"').join(", ");
    const stmt = db.prepare("SELECT " + cols + ' FROM "' + t.table + '" ORDER BY ' + order);
    stmt.raw(true);
    stmt.safeIntegers(true);
    let chunk = "";
    let first = true;
    for (const r of stmt.iterate()) {
      const row = {};
      for (let i = 0; i < t.columns.length; i++) row[t.columns[i].name] = value(t.columns[i].type, r[i]);
      // An unused reset link is kept as audit, expired at the backup's time (backupRow).
      if (t.model === "PasswordReset" && row.usedAt === null && row.expiresAt && Date.parse(row.expiresAt.$date) > nowMs) {
        row.expiresAt = { $date: now };
      }
      chunk += (first ? "" : ",") + JSON.stringify(row);
      first = false;
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = "";
      }
    }
    yield chunk + "]";
  }
  yield "}}";
}
let db;
let it;
parentPort.on("message", (m) => {
  try {
    if (m === "stop") {
      // Ends an open table's iteration first: a connection closes only when no statement runs.
      if (it) it.return();
      if (db) db.close();
      parentPort.close();
      return;
    }
    if (!db) {
      db = new Database(workerData.file, { readonly: true, fileMustExist: true });
      db.pragma("cache_size = -2048");
      it = text(db);
    }
    const r = it.next();
    parentPort.postMessage(r.done ? { done: true } : { chunk: r.value });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});
`;

/**
 * The backup text of the SQLite database `file` (a snapshot nobody writes to), in chunks of about
 * 256 KiB. Stopping the iteration stops the worker.
 */
export async function* sqliteBackupText(options: {
  file: string;
  header: string;
  tables: BackupTableShape[];
  now: Date;
}): AsyncGenerator<string> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file: options.file,
      module: betterSqlite3Module(),
      header: options.header,
      tables: options.tables,
      now: options.now.toISOString(),
      chunkChars: 256 * 1024,
    },
    // Small heap: its garbage is collected as it goes (rows are encoded and dropped).
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
  });
  type Reply = { chunk?: string; done?: boolean; error?: string };
  let settle: { resolve(r: Reply): void; reject(e: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    settle?.reject(failure);
    settle = null;
  };
  worker.on("message", (m: Reply) => {
    const s = settle;
    settle = null;
    s?.resolve(m);
  });
  worker.on("error", fail);
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      fail(new Error("the backup worker exited"));
      resolve();
    });
  });
  const request = () =>
    new Promise<Reply>((resolve, reject) => {
      if (failure) return reject(failure);
      settle = { resolve, reject };
      worker.postMessage("next");
    });
  try {
    let next = request();
    for (;;) {
      const r = await next;
      if (r.error) throw new Error(`SQLite backup: ${r.error}`);
      if (r.done || r.chunk === undefined) return;
      // The worker writes the next chunk while this one is consumed.
      next = request();
      next.catch(() => {});
      yield r.chunk;
    }
  } finally {
    if (!failure) worker.postMessage("stop");
    await exited;
  }
}
