// WAL checkpoints on a worker thread. better-sqlite3 is synchronous: when a COMMIT crosses the WAL's
// auto-checkpoint threshold (1,000 pages), that COMMIT copies the WAL into the database file and
// fsyncs it on the event loop — measured 22–31 ms every ~0.35 s under the review load, during which
// no request is served. A long-running server instead checkpoints from a second connection on a
// worker thread (PASSIVE: it never waits for, nor blocks, the writer), and the main connection's
// auto-checkpoint becomes a backstop that only acts if the worker falls far behind or stops.
// Durability is unchanged: commits are in the WAL either way (synchronous=NORMAL).
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";
import { HELPER_THREAD_LIMITS } from "./background-thread.ts";

/** SQLite's default auto-checkpoint threshold, in WAL pages. */
export const DEFAULT_AUTOCHECKPOINT = 1000;
/** The main connection's threshold while the worker checkpoints (~40 MB of WAL at 4 KiB pages). */
export const BACKSTOP_AUTOCHECKPOINT = 10_000;

// Plain CommonJS so the worker needs neither tsx nor the bundler. It opens its own connection to
// the same file and checkpoints every `intervalMs`; errors (busy, disk full, read-only) are left
// for the next round, as SQLite's own auto-checkpoint would.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
let db;
try {
  // A bundler may have turned the resolved path into a module id: then resolve from the cwd.
  const Database = require(typeof workerData.module === "string" ? workerData.module : "better-sqlite3");
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma("busy_timeout = 0");
} catch (e) {
  parentPort.postMessage({ type: "failed", message: String(e && e.message || e) });
  process.exit(0);
}
parentPort.postMessage({ type: "ready" });
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {}
}, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface BackgroundCheckpoints {
  /** Stops the worker and gives the main connection its own auto-checkpoint back. */
  stop(): Promise<void>;
  /** The worker thread (if it dies, the main connection checkpoints again). */
  readonly worker: Worker;
}

/** better-sqlite3's path for the worker (inside Next's bundle this may be a module id: see above). */
function betterSqlite3Module(): unknown {
  try {
    return createRequire(import.meta.url).resolve("better-sqlite3");
  } catch {
    return "better-sqlite3";
  }
}

/**
 * Starts checkpointing `client`'s database from a worker thread. Until the worker reports that its
 * connection is open, and again if it fails or exits, the main connection checkpoints as usual.
 */
export function startBackgroundCheckpoints(
  client: BetterSqlite3.Database,
  o: { intervalMs?: number } = {},
): BackgroundCheckpoints {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file: client.name,
      module: betterSqlite3Module(),
      intervalMs: o.intervalMs ?? 200,
    },
    resourceLimits: HELPER_THREAD_LIMITS,
  });
  worker.unref();
  const setThreshold = (pages: number) => {
    if (client.open) client.pragma(`wal_autocheckpoint = ${pages}`);
  };
  worker.on("message", (m: { type: string; message?: string }) => {
    if (m.type === "ready") setThreshold(BACKSTOP_AUTOCHECKPOINT);
    else if (m.type === "failed") {
      console.warn(`strides: WAL checkpoints stay on the main thread (${m.message})`);
    }
  });
  worker.on("error", () => setThreshold(DEFAULT_AUTOCHECKPOINT));
  const exited = new Promise<void>((resolve) => {
    worker.on("exit", () => {
      setThreshold(DEFAULT_AUTOCHECKPOINT);
      resolve();
    });
  });
  return {
    worker,
    async stop() {
      setThreshold(DEFAULT_AUTOCHECKPOINT);
      worker.postMessage("stop");
      await exited;
    },
  };
}
