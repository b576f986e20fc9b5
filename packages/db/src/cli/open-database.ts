// How the command-line tools (`npm start`'s database step, admin:create, admin:reset, backup and
// restore) open the database: read DATABASE_URL, migrate, connect. When that fails for a reason the
// person running it can fix (a malformed DATABASE_URL, a server that does not answer, a database
// that does not exist, a refused password, a data folder that cannot be written), they get one line
// naming the variable and what went wrong, never the password; any other error keeps its stack.
import { isAppError } from "@strides/content";
import { type DbHandle, openDb } from "../client.ts";
import { type DbConfig, readDbConfig } from "../env.ts";
import { migrateDatabase } from "../migrate.ts";

const HINTS: Record<string, string> = {
  ECONNREFUSED: "nothing answers at that address: is the database server running?",
  ENOTFOUND: "the host name is unknown",
  EAI_AGAIN: "the host name cannot be resolved",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host cannot be reached",
  "3D000": "create it first (createdb)",
  "28P01": "the password was refused",
  "28000": "the server refused this user",
  "42501": "the user lacks the privileges to create tables in it",
  EACCES: "permission denied: the data folder must be writable (STRIDES_DATA_DIR)",
  EROFS: "the file system is read-only: the data folder must be writable (STRIDES_DATA_DIR)",
  SQLITE_CANTOPEN: "the database file cannot be opened (STRIDES_DATA_DIR must be writable)",
  SQLITE_READONLY: "the database file is read-only (STRIDES_DATA_DIR must be writable)",
};

/** The first error in `error`'s chain (cause, AggregateError's errors) that has a known code. */
function knownCause(error: unknown, depth = 0): { code: string; message: string } | null {
  if (error === null || typeof error !== "object" || depth > 5) return null;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && e.code in HINTS) {
    return { code: e.code, message: String(e.message ?? e.code) };
  }
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const hit = knownCause(inner, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** The database a URL names, for a message: its password left out. */
export function describeDatabaseUrl(url: string): string {
  if (url.startsWith("file:")) return `the SQLite file ${url.slice("file:".length)}`;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "DATABASE_URL";
  }
}

/**
 * The one line for a failure to open the database the person can act on, or null (a bug: keep the
 * stack). `url` is the database's URL when it was read.
 */
export function describeOpenError(error: unknown, url: string | undefined): string | null {
  if (isAppError(error) && error.code === "BAD_INPUT") return error.message;
  const hit = knownCause(error);
  if (!hit) return null;
  const where = url ? describeDatabaseUrl(url) : "the database";
  const variable = url?.startsWith("file:") ? "" : " (DATABASE_URL)";
  return `cannot open ${where}${variable}: ${hit.message} — ${HINTS[hit.code]}`;
}

/** Reads the configuration, migrates and connects; on a failure the person can fix, exits 1. */
export async function openDatabaseForCli(): Promise<{
  config: DbConfig;
  applied: string[];
  handle: DbHandle;
}> {
  let config: DbConfig | undefined;
  try {
    config = readDbConfig();
    const applied = await migrateDatabase(config.url);
    const handle = await openDb(config.url);
    return { config, applied, handle };
  } catch (error) {
    const line = describeOpenError(error, config?.url);
    if (line === null) throw error;
    console.error(`strides: ${line}`);
    process.exit(1);
  }
}
