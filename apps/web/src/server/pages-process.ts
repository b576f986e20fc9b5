// The default (STRIDES_PAGES_THREAD=0 turns it off): Next's request handler on a worker thread of
// its own (next-worker.ts), reached over a Unix socket in a directory only the server's user can
// open, through a reverse proxy (httpxy) that passes each request on as it came, with the client
// address the front thread computed. A page's rendering then never holds the event loop that
// answers the review API: with an instructor's dashboards requested back to back, the review p99 at
// 200/s was 1.34-1.65x its figure without them on SQLite, where one thread reached 2.25x
// (`npm run bench instructor`, 2 cores, 540k-log school; see README, Performance). The second
// JavaScript heap and database connection are paid for by the memory settings of
// scripts/server-node-flags.mjs and the young generations set here and in packages/db.
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { createProxyServer } from "httpxy";
import type { NextApp } from "./next-app";
import type { NextWorkerData, NextWorkerMessage } from "./next-worker";

/**
 * The pages thread's young generation: V8's default (two 16 MB semi-spaces and as much again for
 * young large objects). A render's objects die young; with 4 MB semi-spaces, in one bench run, the
 * deck and statistics pages held this thread's loop 65 and 93 ms (49 and 27 ms with the default).
 */
const PAGES_YOUNG_GENERATION_MB = 48;

/**
 * The modules given to this process with `--import` (tsx's loader, a profiler's or the bench's
 * probe): Node 20 runs them on the main thread only, so the worker imports them itself.
 */
function preloads(): string[] {
  const found: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const value =
      arg === "--import" ? args[++i] : arg.startsWith("--import=") ? arg.slice(9) : null;
    if (!value) continue;
    found.push(/^[./]/.test(value) ? pathToFileURL(resolve(value)).href : value);
  }
  return found;
}

export async function startPagesThread(o: {
  dir: string;
  hostname: string;
  port: number;
}): Promise<NextApp> {
  // The socket's directory is created 0700: only this user reaches Next without the front thread
  // (which sets the client address header).
  const socketDir = mkdtempSync(join(tmpdir(), "strides-"));
  const socketPath = join(socketDir, "next.sock");
  process.on("exit", () => rmSync(socketDir, { recursive: true, force: true }));
  const data: NextWorkerData = { serverThread: "pages", ...o, socketPath };
  // Module hooks are per thread: the worker registers tsx's loader and the `server-only` resolution
  // (server-hooks.mjs) itself, and turns source maps off as server.ts does.
  const source = `
    (async () => {
      const { register } = await import("tsx/esm/api");
      register();
      require("node:module").register(${JSON.stringify(pathToFileURL(join(o.dir, "server-hooks.mjs")).href)});
      if (${JSON.stringify(!process.sourceMapsEnabled)}) process.setSourceMapsEnabled(false);
      for (const preload of ${JSON.stringify(preloads().filter((p) => p !== "tsx"))}) {
        await import(preload);
      }
      await import(${JSON.stringify(pathToFileURL(join(o.dir, "src/server/next-worker.ts")).href)});
    })().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  `;
  // The server starts with small semi-spaces (--max-semi-space-size=4, scripts/server-node-flags.mjs:
  // the front only answers reviews). That flag would override every thread's own limits, so it is
  // lifted (0: unset) for the threads started from now on: each one's resourceLimits apply (this
  // one's; the SQLite helpers' HELPER_THREAD_LIMITS). V8 reads it when a thread's heap is made.
  setFlagsFromString("--max-semi-space-size=0");
  const worker = new Worker(source, {
    eval: true,
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: PAGES_YOUNG_GENERATION_MB },
  });
  let closing = false;
  await new Promise<void>((ready, failed) => {
    worker.on("message", (m: NextWorkerMessage) => {
      if ("ready" in m) ready();
    });
    worker.once("error", failed);
    worker.once("exit", (code) => failed(new Error(`Next's worker thread exited (${code})`)));
  });
  // Past start-up the server cannot serve pages without Next: it stops, for its supervisor to
  // restart it.
  worker.on("error", (error) => {
    console.error("strides: Next's worker thread failed", error);
    process.exit(1);
  });
  worker.on("exit", (code) => {
    if (closing) return;
    console.error(`strides: Next's worker thread exited (${code})`);
    process.exit(1);
  });

  // The worker keeps an idle socket as long as the front keeps a client's (KEEP_ALIVE_MS): the
  // Keep-Alive header passed on to clients is the front's own, and the agent (which reads it) drops
  // an idle socket before the worker closes it.
  const proxy = createProxyServer({
    target: { socketPath },
    agent: new Agent({ keepAlive: true }),
  });
  proxy.on("error", (error, _req, res) => {
    console.error("strides: passing a request to Next failed", error);
    const response = res as ServerResponse | undefined;
    if (response && "headersSent" in response && !response.headersSent) {
      response.writeHead(502).end();
    } else {
      response?.destroy();
    }
  });
  return {
    handle: (req, res) => void proxy.web(req, res),
    close: () =>
      new Promise<void>((done) => {
        closing = true;
        worker.on("message", (m: NextWorkerMessage) => {
          if ("closed" in m) done();
        });
        worker.once("exit", () => done());
        worker.postMessage("close");
      }),
  };
}
