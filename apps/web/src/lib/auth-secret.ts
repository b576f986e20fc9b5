// The auth secret: BETTER_AUTH_SECRET from the environment (required in production: env.ts refuses
// to start without it); in development and tests a random one generated once and kept in the data
// folder (the same file `npm start` uses), so sessions survive restarts.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readDbConfig } from "@strides/db";
import { env } from "./env";

export function resolveAuthSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // The build never signs anything; a throwaway value keeps the module importable.
    return randomBytes(32).toString("hex");
  }
  const { dataDir } = readDbConfig();
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    console.warn(`strides: generated a development auth secret in ${file}`);
  }
  return readFileSync(file, "utf8").trim();
}
