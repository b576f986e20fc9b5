// Applies prisma/<provider>/migrations/*/migration.sql in order, each in a transaction, recording
// them in `_strides_migrations`. Hand-written because `prisma migrate deploy` needs a workaround on
// Postgres with the JS engine (prisma/orm#27403) and we want start-up without the Prisma CLI.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "@strides/content";
import Database from "better-sqlite3";
import pg from "pg";
import { type DbProvider, repoRoot, resolveUrl } from "./env.ts";
import { secureSqliteFiles } from "./sqlite-file-mode.ts";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(provider: DbProvider): Migration[] {
  const dir = join(repoRoot, "prisma", provider, "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^\d{14}_[a-z0-9_]+$/.test(d))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_strides_migrations" (
  "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`;

function checkApplied(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) {
      throw new AppError(
        "CONFLICT",
        `migration ${m.name} was changed after it was applied (checksum differs)`,
      );
    }
  }
}

/**
 * Migrates the database at `url`; returns the names of the migrations it applied. `until` (tests of
 * a migration's data changes) stops after the migration of that name.
 */
export async function migrateDatabase(url: string, o: { until?: string } = {}): Promise<string[]> {
  const resolved = resolveUrl(url);
  const all = listMigrations(resolved.provider);
  const migrations = o.until ? all.filter((m) => m.name <= (o.until as string)) : all;
  return resolved.provider === "sqlite"
    ? migrateSqlite(resolved.url.slice("file:".length), migrations)
    : migratePostgres(resolved.url, migrations);
}

function migrateSqlite(path: string, migrations: Migration[]): string[] {
  secureSqliteFiles(path);
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(CREATE_TABLE);
    const rows = db.prepare(`SELECT name, checksum FROM "_strides_migrations"`).all() as {
      name: string;
      checksum: string;
    }[];
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(applied, migrations);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_strides_migrations" (name, checksum, "appliedAt") VALUES (?, ?, ?)`,
        ).run(m.name, m.checksum, new Date().toISOString());
      }).immediate();
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across processes.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "_strides_migrations"`,
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    checkApplied(applied, migrations);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_strides_migrations" (name, checksum, "appliedAt") VALUES ($1, $2, $3)`,
          [m.name, m.checksum, new Date().toISOString()],
        );
        await client.query("COMMIT");
      } catch (cause) {
        await client.query("ROLLBACK");
        throw new AppError("INTERNAL", `migration ${m.name} failed`, { cause });
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
