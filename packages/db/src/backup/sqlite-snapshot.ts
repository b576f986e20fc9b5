// A consistent copy of a SQLite database, made without holding the server's connection, its write
// lock or its event loop: `VACUUM INTO` on a read-only connection of a worker thread. In WAL mode a
// reader never blocks the writer, so reviews go on being written while the copy is made; the copy is
// the database as of the moment the copy's read began. The copy is created empty with mode 0600
// first (it holds password hashes, like the database).
import { rm } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { LOWER_THREAD_PRIORITY } from "../background-thread.ts";
import { secureSqliteFiles } from "../sqlite-file-mode.ts";
import { betterSqlite3Module } from "../sqlite-read-worker.ts";

// Plain CommonJS, as the read worker's.
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY}
const { parentPort, workerData } = require("node:worker_threads");
try {
  const Database = require(typeof workerData.module === "string" ? workerData.module : "better-sqlite3");
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("VACUUM INTO ?").run(workerData.into);
  } finally {
    db.close();
  }
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
}
`;

/** Writes a consistent copy of the database `file` to `into` (which must not exist). */
export async function snapshotSqlite(file: string, into: string): Promise<void> {
  secureSqliteFiles(into);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, into, module: betterSqlite3Module() },
  });
  try {
    const result = await new Promise<{ ok: boolean; message?: string }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`snapshot worker exited (${code})`)));
    });
    if (!result.ok) throw new Error(`SQLite snapshot failed: ${result.message}`);
  } catch (error) {
    await removeSqliteFiles(into);
    throw error;
  } finally {
    await worker.terminate();
  }
}

/**
 * Deletes a database file and its -wal and -shm files (those that exist), off the event loop:
 * unlinking a 500 MB copy takes ~50 ms.
 */
export async function removeSqliteFiles(path: string): Promise<void> {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    await rm(/*turbopackIgnore: true*/ f, { force: true });
  }
}
