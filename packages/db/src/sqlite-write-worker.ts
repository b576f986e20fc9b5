// Bulk writes on a worker thread. better-sqlite3 is synchronous: a restore's multi-row INSERTs
// (and the triggers they fire) would each hold the event loop while they run, and a restore of
// half a million review logs is thousands of them. A bulk writer instead owns a connection of its
// own in a worker thread and runs the statements it is sent there, in one transaction (BEGIN
// IMMEDIATE: it holds SQLite's write lock until it commits). Statements are sent without waiting
// for each one (a bounded number in flight), so the caller prepares the next batch while the
// worker writes the last. While the worker holds the write lock, another connection's write waits
// (busy_timeout) and then fails: use it where nothing else writes (a restore into an empty
// instance).
import { Worker } from "node:worker_threads";
import { LOWER_THREAD_PRIORITY } from "./background-thread.ts";
import type { Prisma } from "./client.ts";
import { type SqlRow, sqliteValue } from "./sql-runner.ts";
import { betterSqlite3Module } from "./sqlite-read-worker.ts";

// Plain CommonJS so the worker needs neither tsx nor the bundler (as in sqlite-read-worker.ts).
// Bytes arrive as Uint8Array (structured clone) and are bound as Buffers, as better-sqlite3 wants.
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY}
const { parentPort, workerData } = require("node:worker_threads");
let db;
try {
  const Database = require(typeof workerData.module === "string" ? workerData.module : "better-sqlite3");
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -65536");
} catch (e) {
  parentPort.postMessage({ type: "failed", message: String(e && e.message || e) });
  process.exit(0);
}
const statements = new Map();
// A statement of the open transaction failed: its COMMIT rolls back instead.
let failed = null;
const bind = (v) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
parentPort.postMessage({ type: "ready" });
parentPort.on("message", (m) => {
  if (m === "stop") {
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
    parentPort.close();
    return;
  }
  try {
    if (m.exec) {
      if (m.exec === "BEGIN IMMEDIATE") failed = null;
      if (m.exec === "COMMIT" && failed) throw new Error("not committed: " + failed);
      db.exec(m.exec);
      parentPort.postMessage({ type: "done", id: m.id, changes: 0 });
      return;
    }
    let stmt = statements.get(m.sql);
    if (!stmt) {
      stmt = db.prepare(m.sql);
      if (statements.size >= 200) statements.clear();
      statements.set(m.sql, stmt);
    }
    const values = m.values.map(bind);
    if (stmt.reader) parentPort.postMessage({ type: "rows", id: m.id, rows: stmt.all(...values) });
    else parentPort.postMessage({ type: "done", id: m.id, changes: stmt.run(...values).changes });
  } catch (e) {
    failed = failed || String(e && e.message || e);
    // A failed COMMIT (disk full) can leave the transaction open: nothing of it is kept.
    if (m.exec === "COMMIT" && db.inTransaction) {
      try { db.exec("ROLLBACK"); } catch {}
    }
    parentPort.postMessage({ type: "error", id: m.id, message: String(e && e.message || e) });
  }
});
`;

type Reply =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "done"; id: number; changes: number }
  | { type: "rows"; id: number; rows: SqlRow[] }
  | { type: "error"; id: number; message: string };

export interface SqliteBulkWriter {
  /**
   * Sends an INSERT / UPDATE / DELETE: resolves once the worker has run it. Callers may send more
   * before it resolves: the worker runs them in order, and the transaction's COMMIT (sent after
   * them) rolls back instead when any of them failed.
   */
  execute(q: Prisma.Sql): Promise<number>;
  /** Rows of a SELECT, on the worker's connection (inside its transaction, if one is open). */
  query(q: Prisma.Sql): Promise<SqlRow[]>;
  /** Runs `fn` in one transaction on the worker's connection: committed when `fn` returns. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts a bulk writer on the database file `file` (which must exist). Rejects when the worker
 * cannot open it.
 */
export async function startSqliteBulkWriter(file: string): Promise<SqliteBulkWriter> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, module: betterSqlite3Module() },
  });
  let next = 0;
  let failure: Error | null = null;
  const pending = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  const failAll = (message: string) => {
    failure ??= new Error(`SQLite bulk writer: ${message}`);
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", (m: Reply) => {
      if (m.type === "ready") resolve();
      else reject(new Error(`SQLite bulk writer: ${"message" in m ? m.message : m.type}`));
    });
  });
  worker.on("message", (m: Reply) => {
    if (m.type === "failed") return failAll(m.message);
    if (!("id" in m)) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.type === "error") p.reject(new Error(m.message));
    else p.resolve(m);
  });
  worker.on("error", (e) => failAll(e.message));
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      failAll("exited");
      resolve();
    });
  });
  const send = (message: { exec: string } | { sql: string; values: unknown[] }) => {
    if (failure) return Promise.reject(failure);
    const id = next++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  };
  const statement = (q: Prisma.Sql) => send({ sql: q.sql, values: q.values.map(sqliteValue) });
  const stop = async () => {
    if (!failure) worker.postMessage("stop");
    await exited;
  };
  try {
    await ready;
  } catch (error) {
    await exited;
    throw error;
  }
  return {
    async execute(q) {
      const r = await statement(q);
      return r.type === "done" ? r.changes : 0;
    },
    async query(q) {
      const r = await statement(q);
      return r.type === "rows" ? r.rows : [];
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      await send({ exec: "BEGIN IMMEDIATE" });
      let result: T;
      try {
        result = await fn();
      } catch (error) {
        // Statements already sent run (or fail) before the ROLLBACK: the worker takes them in order.
        await send({ exec: "ROLLBACK" }).catch(() => {});
        throw error;
      }
      await send({ exec: "COMMIT" });
      return result;
    },
    stop,
  };
}
