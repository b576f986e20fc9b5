// Heavy reads on a worker thread. better-sqlite3 is synchronous: a statement that aggregates half a
// million review logs (the group dashboard, a learner's year of statistics) would hold the event
// loop for its whole run, and every learner's review would wait behind it. A long-running server
// instead runs such reads on a second, read-only connection in a worker thread (WAL: readers never
// block the writer nor wait for it); the review loop keeps the main connection. Rows come back by
// structured clone, so only aggregates and bounded pages should be read this way.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { HELPER_THREAD_LIMITS, LOWER_THREAD_PRIORITY } from "./background-thread.ts";
import type { Prisma } from "./client.ts";
import { type SqlRow, sqliteValue } from "./sql-runner.ts";

// Plain CommonJS so the worker needs neither tsx nor the bundler (as in sqlite-checkpointer.ts).
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY}
const { parentPort, workerData } = require("node:worker_threads");
let db;
try {
  const Database = require(typeof workerData.module === "string" ? workerData.module : "better-sqlite3");
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -" + String(workerData.cacheKiB));
} catch (e) {
  parentPort.postMessage({ type: "failed", message: String(e && e.message || e) });
  process.exit(0);
}
const statements = new Map();
parentPort.postMessage({ type: "ready" });
parentPort.on("message", (m) => {
  if (m === "stop") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    let stmt = statements.get(m.sql);
    if (!stmt) {
      stmt = db.prepare(m.sql);
      if (statements.size >= 200) statements.clear();
      statements.set(m.sql, stmt);
    }
    parentPort.postMessage({ type: "rows", id: m.id, rows: stmt.all(...m.values) });
  } catch (e) {
    parentPort.postMessage({ type: "error", id: m.id, message: String(e && e.message || e) });
  }
});
`;

export interface SqliteReadWorker {
  /** Rows of a SELECT, run on the worker's connection. */
  query(q: Prisma.Sql): Promise<SqlRow[]>;
  /** Statements sent and not yet answered. */
  pending(): number;
  stop(): Promise<void>;
}

/** better-sqlite3's resolved path, for a worker's `require` (it needs neither tsx nor the bundler). */
export function betterSqlite3Module(): unknown {
  try {
    return createRequire(import.meta.url).resolve("better-sqlite3");
  } catch {
    return "better-sqlite3";
  }
}

/**
 * Starts a read worker on the database file `file`. `fallback` answers instead when the worker
 * cannot open the file (or dies): slower for the event loop, never wrong.
 */
export function startSqliteReadWorker(
  file: string,
  fallback: (q: Prisma.Sql) => Promise<SqlRow[]>,
  options: { cacheKiB?: number } = {},
): SqliteReadWorker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, module: betterSqlite3Module(), cacheKiB: options.cacheKiB ?? 65_536 },
    resourceLimits: HELPER_THREAD_LIMITS,
  });
  worker.unref();
  let failed = false;
  let next = 0;
  const pending = new Map<number, { resolve(rows: SqlRow[]): void; reject(e: Error): void }>();
  const failAll = (message: string) => {
    failed = true;
    for (const p of pending.values()) p.reject(new Error(`SQLite read worker: ${message}`));
    pending.clear();
  };
  worker.on("message", (m: { type: string; id?: number; rows?: SqlRow[]; message?: string }) => {
    if (m.type === "failed") {
      console.warn(`strides: heavy reads stay on the main thread (${m.message})`);
      failAll(m.message ?? "failed");
      return;
    }
    if (m.id === undefined) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.type === "rows") p.resolve(m.rows ?? []);
    else p.reject(new Error(m.message));
  });
  worker.on("error", (e) => failAll(e.message));
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      failAll("exited");
      resolve();
    });
  });
  return {
    query(q) {
      if (failed) return fallback(q);
      const id = next++;
      return new Promise<SqlRow[]>((resolve, reject) => {
        pending.set(id, {
          resolve,
          // A query the worker could not run (it failed to start) runs on the main connection.
          reject: (e) => (failed ? fallback(q).then(resolve, reject) : reject(e)),
        });
        worker.ref();
        worker.postMessage({ id, sql: q.sql, values: q.values.map(sqliteValue) });
      });
    },
    pending: () => pending.size,
    async stop() {
      // Referenced until it has exited: an unreferenced worker would let the process end (exit
      // code 13, an unsettled await) while close() waits for it.
      worker.ref();
      if (!failed) worker.postMessage("stop");
      await exited;
    },
  };
}

/**
 * `size` read workers sharing one page-cache budget (`cacheKiB` in all) and one queue: a worker
 * takes the next statement when it has finished its last, so the independent statements of one
 * page (the dashboard's member pass and its card aggregate) run at once on two cores instead of
 * queueing behind each other, and a short statement never waits behind a long one while another
 * worker is free.
 */
export function startSqliteReadPool(
  file: string,
  fallback: (q: Prisma.Sql) => Promise<SqlRow[]>,
  o: { size: number; cacheKiB: number },
): SqliteReadWorker {
  const size = Math.max(1, Math.trunc(o.size));
  const cacheKiB = Math.max(2048, Math.trunc(o.cacheKiB / size));
  const workers = Array.from({ length: size }, () =>
    startSqliteReadWorker(file, fallback, { cacheKiB }),
  );
  const busy = new Set<SqliteReadWorker>();
  const queue: { q: Prisma.Sql; resolve(rows: SqlRow[]): void; reject(e: unknown): void }[] = [];
  const pump = () => {
    for (const w of workers) {
      if (busy.has(w)) continue;
      const job = queue.shift();
      if (!job) return;
      busy.add(w);
      w.query(job.q)
        .then(job.resolve, job.reject)
        .finally(() => {
          busy.delete(w);
          pump();
        });
    }
  };
  return {
    query(q) {
      return new Promise<SqlRow[]>((resolve, reject) => {
        queue.push({ q, resolve, reject });
        pump();
      });
    },
    pending: () => queue.length + busy.size,
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
