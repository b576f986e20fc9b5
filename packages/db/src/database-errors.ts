// Turns failures of the database itself (not of a request) into AppError UNAVAILABLE with a message
// a person can act on. Prisma wraps driver errors; the driver's code or message can sit in `cause`.
import { AppError, type AppErrorKey } from "@strides/content";

const PATTERNS: { test: RegExp; message: string; key: AppErrorKey }[] = [
  {
    test: /SQLITE_FULL|database or disk is full|No space left on device|ENOSPC/i,
    message:
      "the database's disk is full: nothing was saved; free space on the server and try again",
    key: "databaseDiskFull",
  },
  {
    test: /SQLITE_READONLY|attempt to write a readonly database|read-only file system|EROFS/i,
    message:
      "the database file is read-only: nothing was saved; the server's data folder must be writable",
    key: "databaseReadOnly",
  },
  {
    test: /SQLITE_IOERR|SQLITE_CANTOPEN|disk I\/O error|unable to open database file/i,
    message:
      "the database file cannot be read or written (I/O error): nothing was saved; try again",
    key: "databaseIoError",
  },
  {
    test: /ECONNREFUSED|ECONNRESET|Connection terminated|connect ETIMEDOUT|Can't reach database|database system is (shutting down|starting up)|terminating connection|timeout exceeded when trying to connect/i,
    message: "the database is unavailable: nothing was saved; try again shortly",
    key: "databaseUnavailable",
  },
];

function describe(error: unknown, depth = 0): string {
  if (error === null || error === undefined || depth > 4) return "";
  if (typeof error !== "object") return String(error);
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  return [
    String(e.code ?? ""),
    String(e.message ?? ""),
    JSON.stringify(e.meta ?? ""),
    describe(e.cause, depth + 1),
  ].join(" ");
}

/** An AppError("UNAVAILABLE") when `error` is the database failing, otherwise null. */
export function classifyDatabaseError(error: unknown): AppError | null {
  const text = describe(error);
  const hit = PATTERNS.find((p) => p.test.test(text));
  return hit ? new AppError("UNAVAILABLE", hit.message, { cause: error, key: hit.key }) : null;
}
