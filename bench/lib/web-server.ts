// Builds the web app once per source revision and starts its production server (its bundle) on
// a given database and a free port, the way scripts/e2e.mjs does — for the load bench and the
// reliability tests.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BUILD_STAMP_FILE,
  SERVER_BUNDLE,
  sourceStamp,
} from "../../apps/web/scripts/server-bundle.mjs";
import { serverEnv, serverNodeFlags } from "../../scripts/server-node-flags.mjs";
import { freePort, waitForHttp } from "./net.ts";
import { descendants } from "./process-tree.ts";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const web = join(repoRoot, "apps/web");

const quietEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

/** `next build` unless the current build was made from the same sources. */
export function ensureWebBuild(log: (s: string) => void = console.log): void {
  // STRIDES_REUSE_BUILD=1: take the existing build as it is (while others edit the tree).
  if (process.env.STRIDES_REUSE_BUILD === "1" && existsSync(SERVER_BUNDLE)) return;
  const hash = sourceStamp();
  const built =
    existsSync(join(web, ".next", "BUILD_ID")) &&
    existsSync(SERVER_BUNDLE) &&
    existsSync(BUILD_STAMP_FILE) &&
    readFileSync(BUILD_STAMP_FILE, "utf8") === hash;
  if (built && process.env.STRIDES_REBUILD !== "1") return;
  waitForOtherBuild(log);
  log("building the web app (apps/web's build: next build, service worker, server bundle) …");
  const r = spawnSync("npm", ["run", "build"], {
    cwd: web,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...quietEnv, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error(`the web app's build failed (exit ${r.status})`);
  writeFileSync(BUILD_STAMP_FILE, hash);
}

/** Another `next build` in apps/web (someone's `npm start` or e2e run): wait for it, up to 15 min. */
function waitForOtherBuild(log: (s: string) => void): void {
  const running = () => {
    try {
      return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim() !== "";
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 900 && running(); i++) {
    if (i === 0) log("waiting for another next build to finish …");
    spawnSync("sleep", ["1"]);
  }
}

export interface WebServer {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Last lines the server printed (stdout and stderr). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs` (5 s). */
  stop(graceMs?: number): Promise<void>;
  /** kill -9 the whole process group, at once. */
  kill9(): Promise<void>;
  /**
   * With `loopProbe`: the longest any of the server's event loops was itself held since the last
   * call (the first call starts the count; waits for a core left out: loop-held.mjs), in ms.
   */
  loopMaxMs(): Promise<number>;
  /**
   * Each thread's figure of the last `loopMaxMs()`, then the lateness with its waits for a core,
   * e.g. "front=12.0 (wall 14.1) pages=30.5 (wall 61.0)".
   */
  loopThreads(): string;
  /** How busy each thread's loop was over the same span, in %, e.g. { front: 41, pages: 88 }. */
  loopBusy(): Record<string, number>;
}

export interface StartWebServerOptions {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** Extra node flags for the server process, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Preload bench/lib/loop-probe.mjs, for `loopMaxMs()`. */
  loopProbe?: boolean;
  timeoutMs?: number;
}

/**
 * Starts the production server (its bundle, what `npm start` runs) on the given (already
 * migrated) database; resolves once it answers.
 */
export async function startWebServer(o: StartWebServerOptions): Promise<WebServer> {
  const port = o.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const probe = o.loopProbe ? ["--import", join(repoRoot, "bench/lib/loop-probe.mjs")] : [];
  const args = [
    ...serverNodeFlags({ ...process.env, ...o.env }),
    ...probe,
    ...(o.nodeArgs ?? []),
    SERVER_BUNDLE,
  ];
  const child = spawn(process.execPath, args, {
    cwd: web,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: serverEnv({
      ...process.env,
      ...quietEnv,
      NODE_ENV: "production",
      DATABASE_URL: o.databaseUrl,
      STRIDES_DEMO: "0",
      BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      BETTER_AUTH_URL: baseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...o.env,
    }),
  });
  let out = "";
  const loopReports: number[] = [];
  let lastThreads = "";
  let lastBusy: Record<string, number> = {};
  const keep = (d: Buffer) => {
    const text = d.toString();
    for (const m of text.matchAll(
      /strides-bench-loop-max ([\d.]+)([^\n]*?)(?: busy ([^\n]*))?(?:\n|$)/g,
    )) {
      loopReports.push(Number(m[1]));
      lastThreads = (m[2] ?? "").trim();
      lastBusy = Object.fromEntries(
        [...(m[3] ?? "").matchAll(/(\w+)=(\d+)%/g)].map((b) => [b[1] as string, Number(b[2])]),
      );
    }
    out = (out + text).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const server: WebServer = {
    baseUrl,
    port,
    child,
    output: () => out,
    async stop(graceMs = 5000) {
      if (!alive()) return;
      killGroup("SIGTERM");
      const t = setTimeout(() => killGroup("SIGKILL"), graceMs);
      await exited;
      clearTimeout(t);
    },
    async loopMaxMs() {
      if (!o.loopProbe) throw new Error("startWebServer({ loopProbe: true }) measures the loop");
      const seen = loopReports.length;
      if (child.pid) process.kill(child.pid, "SIGUSR2"); // the server only: SIGUSR2 would kill others
      for (let i = 0; i < 200 && loopReports.length === seen; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      const v = loopReports[seen];
      if (v === undefined) throw new Error("the server's loop probe did not answer");
      return v;
    },
    loopThreads: () => lastThreads,
    loopBusy: () => lastBusy,
    async kill9() {
      if (!alive()) return;
      // The pages process too (a session of its own): a crash takes the whole server at once.
      const pages = child.pid ? descendants(child.pid) : [];
      killGroup("SIGKILL");
      for (const pid of pages) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
  try {
    await waitForHttp(`${baseUrl}/api/v1/decks`, o.timeoutMs ?? 60_000, alive);
  } catch (e) {
    await server.kill9();
    throw new Error(`${(e as Error).message}\n${out}`);
  }
  return server;
}
