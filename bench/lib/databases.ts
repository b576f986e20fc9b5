// Fresh databases for the bench and the reliability tests: a temp SQLite file, or a database of
// its own in a Postgres server (dropped afterwards). Both migrated with the app's migrations.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@strides/db";
import pg from "pg";

export interface FreshDb {
  provider: "sqlite" | "postgres";
  url: string;
  /** SQLite: the file path. */
  file?: string;
  drop(): Promise<void>;
}

export const PG_ADMIN_URL =
  process.env.STRIDES_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function freshSqliteDb(dir?: string): Promise<FreshDb> {
  const d = dir ?? mkdtempSync(join(tmpdir(), "strides-bench-"));
  const file = join(d, "strides.db");
  const url = `file:${file}`;
  await migrateDatabase(url);
  return {
    provider: "sqlite",
    url,
    file,
    async drop() {
      if (!dir) rmSync(d, { recursive: true, force: true });
    },
  };
}

export async function freshPostgresDb(adminUrl = PG_ADMIN_URL): Promise<FreshDb> {
  const name = `strides_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrateDatabase(url);
  return {
    provider: "postgres",
    url,
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * After a warm-up on a fresh Postgres database: the planner statistics a live server has (autovacuum
 * analyzes a table within about a minute of it growing by 10%). Without it, the first minute plans
 * the queue as if ReviewLog were empty (measured: 13.7 → 82 ms per step over the first 2,400 logs,
 * 9 ms once autovacuum had analyzed it).
 */
export async function analyzePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
