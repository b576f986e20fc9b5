// The SQLite files (database, WAL, shared memory) are owner-only, for a new and an existing install.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";

const dir = mkdtempSync(join(tmpdir(), "strides-mode-"));
const mode = (p: string) => statSync(p).mode & 0o777;

describe("SQLite file modes", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the database, WAL and SHM files 0600 whatever the umask", async () => {
    const path = join(dir, "new.db");
    const previous = process.umask(0o022);
    try {
      await migrateDatabase(`file:${path}`);
      const handle = await openDb(`file:${path}`);
      try {
        await handle.db.user.count();
        for (const f of [path, `${path}-wal`, `${path}-shm`]) expect(mode(f), f).toBe(0o600);
      } finally {
        await handle.close();
      }
    } finally {
      process.umask(previous);
    }
  });

  it("narrows an existing world-readable database to 0600", async () => {
    const path = join(dir, "old.db");
    writeFileSync(path, "", { mode: 0o644 });
    expect(mode(path)).toBe(0o644);
    await migrateDatabase(`file:${path}`);
    expect(mode(path)).toBe(0o600);
  });
});
