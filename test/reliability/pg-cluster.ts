// A throwaway Postgres cluster of the test's own (initdb in a temp folder, its own port), so the
// outage test can stop and start it without touching the shared server at 127.0.0.1:5432.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../bench/lib/net.ts";

function pgBin(name: string): string | null {
  for (const dir of ["/usr/local/bin", "/usr/bin"])
    if (existsSync(join(dir, name))) return join(dir, name);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort().reverse()) {
      const p = join(base, v, "bin", name);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

export function canRunPgCluster(): boolean {
  return pgBin("initdb") !== null && pgBin("pg_ctl") !== null;
}

export interface PgCluster {
  port: number;
  adminUrl: string;
  start(): void;
  /** `pg_ctl stop -m immediate`: like a crash of the database server. */
  stopImmediate(): void;
  destroy(): void;
}

export function createPgCluster(): PgCluster {
  const root = mkdtempSync(join(tmpdir(), "strides-pg-"));
  const data = join(root, "data");
  const asRoot = process.getuid?.() === 0;
  let uid = 0;
  let gid = 0;
  if (asRoot) {
    uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  const run = (bin: string, args: string[]) => {
    const path = pgBin(bin);
    if (!path) throw new Error(`${bin} not found`);
    if (asRoot) {
      execFileSync("runuser", ["-u", "postgres", "--", path, ...args], {
        stdio: "pipe",
        cwd: root,
      });
    } else {
      execFileSync(path, args, { stdio: "pipe", cwd: root });
    }
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  let port = 0;
  const cluster: PgCluster = {
    get port() {
      return port;
    },
    get adminUrl() {
      return `postgresql://postgres@127.0.0.1:${port}/postgres`;
    },
    start() {
      run("pg_ctl", [
        "-D",
        data,
        "-o",
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${root}`,
        "-l",
        join(root, "log"),
        "-w",
        "start",
      ]);
    },
    stopImmediate() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    },
    destroy() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // not running
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  return Object.assign(cluster, {
    async init() {
      port = await freePort();
    },
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const c = createPgCluster() as PgCluster & { init(): Promise<void> };
  await c.init();
  c.start();
  return c;
}
