// The database package's environment, read and validated in one place.
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseOrThrow } from "@strides/content";
import { z } from "zod";

/** The repository root, where `prisma/` and the default `data/` folder live. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A postgresql:// URL that parses and names a database in its path. */
function postgresNamesDatabase(url: string): boolean {
  if (!URL.canParse(url)) return false;
  return /^\/[^/]+$/.test(new URL(url).pathname);
}

const ZDbEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => v === "" || /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: "must start with file: (SQLite) or postgresql:// (Postgres)",
    })
    // Without a database name the driver connects to the one named after the user (often the
    // server's own `postgres`) and the app would create its tables there.
    .refine((v) => !/^postgres/.test(v) || postgresNamesDatabase(v), {
      message: "must be postgresql://USER:PASSWORD@HOST:5432/DATABASE, naming its database",
    })
    .optional(),
  STRIDES_DATA_DIR: z.string().trim().optional(),
});

export type DbProvider = "sqlite" | "postgres";

export interface DbConfig {
  provider: DbProvider;
  /** For SQLite, `file:` followed by an absolute path; for Postgres, the connection string. */
  url: string;
  dataDir: string;
}

export function readDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const parsed = parseOrThrow(ZDbEnv, env);
  const dataDir = resolve(repoRoot, parsed.STRIDES_DATA_DIR || "data");
  const url = parsed.DATABASE_URL || `file:${join(dataDir, "strides.db")}`;
  return { ...resolveUrl(url), dataDir };
}

export function resolveUrl(url: string): { provider: DbProvider; url: string } {
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    const abs = path === ":memory:" || isAbsolute(path) ? path : resolve(repoRoot, path);
    if (abs !== ":memory:") mkdirSync(dirname(abs), { recursive: true });
    return { provider: "sqlite", url: `file:${abs}` };
  }
  return { provider: "postgres", url };
}
