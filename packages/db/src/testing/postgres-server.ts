// Makes sure the Postgres the tests use is up: if nothing answers on the admin URL's port and
// Debian's postgresql is installed, start its cluster (as on this project's machines and in CI).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { AppError } from "@strides/content";
import pg from "pg";

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function ensurePostgresRunning(url: string): Promise<void> {
  if (await canConnect(url)) return;
  if (existsSync("/etc/postgresql")) {
    const version = readdirSync("/etc/postgresql")[0];
    if (version) {
      try {
        execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], {
          stdio: "ignore",
        });
      } catch {
        // fall through to the check below
      }
      for (let i = 0; i < 20; i++) {
        if (await canConnect(url)) return;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
  throw new AppError(
    "UNAVAILABLE",
    `Postgres is not reachable at ${url}; start it or set STRIDES_TEST_PG_URL (Debian: apt-get install postgresql)`,
  );
}
