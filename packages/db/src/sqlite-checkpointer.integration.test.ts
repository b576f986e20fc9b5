// The worker thread, not the writer's COMMITs, copies the WAL into the database file.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  BACKSTOP_AUTOCHECKPOINT,
  DEFAULT_AUTOCHECKPOINT,
  startBackgroundCheckpoints,
} from "./sqlite-checkpointer.ts";
import { testDbKind } from "./testing/test-db.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openTemp() {
  const dir = mkdtempSync(join(tmpdir(), "strides-ckpt-"));
  dirs.push(dir);
  const file = join(dir, "t.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)");
  return { db, file };
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

const autocheckpoint = (db: Database.Database) => db.pragma("wal_autocheckpoint", { simple: true });

describe.skipIf(testDbKind() !== "sqlite")("background WAL checkpoints", () => {
  it("copies committed pages into the database file while the writer only appends", async () => {
    const { db, file } = openTemp();
    const ckpt = startBackgroundCheckpoints(db, { intervalMs: 50 });
    expect(await until(() => autocheckpoint(db) === BACKSTOP_AUTOCHECKPOINT)).toBe(true);
    const before = statSync(file).size;
    // ~2,000 pages in 500 commits: below the writer's backstop, so only the worker checkpoints.
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    for (let i = 0; i < 500; i++) insert.run(Buffer.alloc(16_000, i % 251));
    expect(await until(() => statSync(file).size > before + 6_000_000)).toBe(true);
    await ckpt.stop();
    expect(autocheckpoint(db)).toBe(DEFAULT_AUTOCHECKPOINT);
    expect(db.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({ n: 500 });
    db.close();
  });

  it("gives checkpoints back to the writer when the worker dies", async () => {
    const { db } = openTemp();
    const ckpt = startBackgroundCheckpoints(db, { intervalMs: 50 });
    expect(await until(() => autocheckpoint(db) === BACKSTOP_AUTOCHECKPOINT)).toBe(true);
    await ckpt.worker.terminate();
    expect(await until(() => autocheckpoint(db) === DEFAULT_AUTOCHECKPOINT)).toBe(true);
    await ckpt.stop();
    db.close();
  });

  it("leaves checkpoints to the writer when the worker cannot open the file", async () => {
    const { db, file } = openTemp();
    rmSync(file); // the open connection keeps working; a new one cannot find the file
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warned.push(m);
    try {
      const ckpt = startBackgroundCheckpoints(db, { intervalMs: 50 });
      expect(await until(() => warned.length > 0)).toBe(true);
      expect(warned[0]).toMatch(/WAL checkpoints stay on the main thread/);
      expect(autocheckpoint(db)).toBe(DEFAULT_AUTOCHECKPOINT);
      await ckpt.stop();
    } finally {
      console.warn = warn;
    }
    db.close();
  });
});
