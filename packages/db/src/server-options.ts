// How the production server's processes open their database, set before the first getDb(). This
// module imports no database client: the pages process (apps/web/src/server/pages-server.ts) sets
// them without opening one of its own beside the one in Next's bundle. (In the server's bundle,
// every package it imports is still loaded at start, in both processes: esbuild hoists them.)
import type { OpenDbOptions } from "./client.ts";

export { BACKGROUND_NICE } from "./background-thread.ts";
export { BACKSTOP_AUTOCHECKPOINT } from "./sqlite-checkpointer.ts";

// On globalThis: Next's bundle and the server's own code each have a copy of this module.
const globalForDb = globalThis as unknown as {
  stridesDb?: unknown;
  stridesDbOptions?: OpenDbOptions;
};

/** What getDb() opens by default: a long-running server's handle. */
const SERVER_DB_OPTIONS: OpenDbOptions = { backgroundCheckpoints: true, readWorker: true };

/**
 * The options getDb() opens this process's database with, set before its first call: the
 * production server's front, which answers only the review API, has no read workers (the pages
 * process has them), and the pages process no checkpointer (the front has it).
 */
export function setDbOptions(options: OpenDbOptions): void {
  if (globalForDb.stridesDb) throw new Error("setDbOptions: the database is already open");
  globalForDb.stridesDbOptions = options;
}

/** The options set by setDbOptions, or a long-running server's. */
export function serverDbOptions(): OpenDbOptions {
  return globalForDb.stridesDbOptions ?? SERVER_DB_OPTIONS;
}
