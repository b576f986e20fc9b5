// Whole-instance backup and restore. Lossless: dates, bytes and big integers are tagged in the JSON
// ({"$date"}, {"$bytes"}, {"$bigint"}), every table is exported in a stable order, and a restore
// writes everything in one transaction into an empty database (SQLite or Postgres, either way).
// Live credentials (sessions, verification tokens, rate-limit counters) are never in a backup.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { MARK_SIBLING_LOGS_SQL } from "../review/sibling-logs.ts";
import { BACKUP_TABLES, isLiveTable } from "./tables.ts";

export const BACKUP_FORMAT = "strides-backup";
export const BACKUP_VERSION = 1;

export interface InstanceBackup {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  tables: Record<string, Record<string, unknown>[]>;
}

type Delegate = {
  findMany(args: {
    orderBy: unknown;
    skip?: number;
    take?: number;
  }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<unknown>;
  count(): Promise<number>;
};

function delegate(db: unknown, name: string): Delegate {
  return (db as Record<string, Delegate>)[name] as Delegate;
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") };
  return value;
}

function decode(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.$date === "string") return new Date(v.$date);
    if (typeof v.$bigint === "string") return BigInt(v.$bigint);
    if (typeof v.$bytes === "string") return new Uint8Array(Buffer.from(v.$bytes, "base64"));
  }
  return value;
}

const PAGE = 5000;

export async function backupInstance(options: { db: Db; now: Date }): Promise<InstanceBackup> {
  const tables: InstanceBackup["tables"] = {};
  // One read transaction, so the backup is a consistent snapshot.
  await options.db.$transaction(
    async (tx) => {
      for (const t of BACKUP_TABLES) {
        if (isLiveTable(t)) continue;
        const rows: Record<string, unknown>[] = [];
        for (let skip = 0; ; skip += PAGE) {
          const page = await delegate(tx, t.delegate).findMany({
            orderBy: t.orderBy,
            skip,
            take: PAGE,
          });
          for (const row of page) {
            rows.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encode(v)])));
          }
          if (page.length < PAGE) break;
        }
        tables[t.model] = rows;
      }
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: options.now.toISOString(),
    tables,
  };
}

export async function isInstanceEmpty(db: Db): Promise<boolean> {
  for (const t of BACKUP_TABLES) {
    if (isLiveTable(t)) continue;
    if ((await delegate(db, t.delegate).count()) > 0) return false;
  }
  return true;
}

/** Restores a backup into an empty instance; refuses a non-empty one (nothing is merged). */
export async function restoreInstance(options: {
  db: Db;
  backup: unknown;
}): Promise<{ rows: number }> {
  const backup = options.backup as Partial<InstanceBackup>;
  if (backup?.format !== BACKUP_FORMAT || typeof backup.tables !== "object" || !backup.tables) {
    throw new AppError("BAD_INPUT", "not a Strides backup", { field: "backup" });
  }
  if (backup.version !== BACKUP_VERSION) {
    throw new AppError("BAD_INPUT", `backup version ${backup.version} is not supported`, {
      field: "backup",
    });
  }
  const known = new Set<string>(BACKUP_TABLES.map((t) => t.model));
  const unknown = Object.keys(backup.tables).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new AppError("BAD_INPUT", `unknown tables in the backup: ${unknown.join(", ")}`);
  }
  if (!(await isInstanceEmpty(options.db))) {
    throw new AppError("CONFLICT", "restore needs an empty instance (a fresh database)");
  }
  let rows = 0;
  await options.db.$transaction(
    async (tx) => {
      for (const t of BACKUP_TABLES) {
        // Older backups carried sessions: they are not brought back to life.
        if (isLiveTable(t)) continue;
        const data = (backup.tables?.[t.model] ?? []).map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decode(v)])),
        );
        for (let i = 0; i < data.length; i += 500) {
          await delegate(tx, t.delegate).createMany({ data: data.slice(i, i + 500) });
        }
        rows += data.length;
      }
      // A backup written before ReviewLog.hasSiblings restores its logs with the default (false).
      await tx.$executeRawUnsafe(MARK_SIBLING_LOGS_SQL);
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  return { rows };
}
