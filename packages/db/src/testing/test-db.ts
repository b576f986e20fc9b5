// Real databases for tests: a temp SQLite file, or a database of the test's own in a real Postgres
// (STRIDES_TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres). Never a mock.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DbHandle, openDb } from "../client.ts";
import { migrateDatabase } from "../migrate.ts";
import { ensurePostgresRunning } from "./postgres-server.ts";

export type TestDbKind = "sqlite" | "postgres";

export interface TestDb extends DbHandle {
  /** Closes the client and removes the database. */
  destroy(): Promise<void>;
}

export function testDbKind(): TestDbKind {
  return process.env.STRIDES_TEST_DB === "postgres" ? "postgres" : "sqlite";
}

export function adminPostgresUrl(): string {
  return process.env.STRIDES_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** `migrateUntil`: only the migrations up to that one (tests of a later migration's data changes). */
export async function createTestDb(
  kind: TestDbKind = testDbKind(),
  o: { migrateUntil?: string } = {},
): Promise<TestDb> {
  const migrate = (url: string) =>
    migrateDatabase(url, o.migrateUntil ? { until: o.migrateUntil } : {});
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "strides-test-"));
    const url = `file:${join(dir, "test.db")}`;
    await migrate(url);
    const handle = await openDb(url);
    return {
      ...handle,
      async destroy() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = adminPostgresUrl();
  await ensurePostgresRunning(adminUrl);
  const name = `strides_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrate(url);
  const handle = await openDb(url);
  return {
    ...handle,
    async destroy() {
      await handle.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
