// The SQLite database holds password hashes and session tokens: its file, and the WAL and shared
// memory files next to it, are readable by their owner only (0600), like the auth secret. SQLite
// creates the -wal and -shm files with the database file's mode, so the database file is created
// 0600 before SQLite opens it; files of an existing install are narrowed at every open.
import { chmodSync, existsSync, writeFileSync } from "node:fs";

export const SQLITE_FILE_MODE = 0o600;

/** Creates `path` empty with mode 0600 when missing, and sets 0600 on it and its -wal/-shm. */
export function secureSqliteFiles(path: string): void {
  if (path === ":memory:" || path === "") return;
  if (!existsSync(/*turbopackIgnore: true*/ path)) {
    try {
      writeFileSync(/*turbopackIgnore: true*/ path, "", { mode: SQLITE_FILE_MODE, flag: "wx" });
    } catch (error) {
      // Created meanwhile by another process: narrowed below like any existing file.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(/*turbopackIgnore: true*/ file)) {
      chmodSync(/*turbopackIgnore: true*/ file, SQLITE_FILE_MODE);
    }
  }
}
