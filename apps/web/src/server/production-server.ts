// The production server (`npm start`), on two threads:
// - this thread (the front) accepts every connection, answers the review loop's bearer-token API
//   itself (review-route.ts) and passes every other request on, as it came, to
// - Next's request handler on a worker thread (next-worker.ts), over a Unix socket.
// A page's rendering (60-85 ms of CPU for a school's dashboard) then never holds the event loop
// that learners' reviews wait on; each thread has its own database connection (SQLite transactions
// take the write lock at BEGIN, see packages/db/src/client.ts). Next runs as a custom server
// (next({ dev: false })), so pages, server actions, the proxy and route handlers behave as under
// `next start`.

import { mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { setDbOptions } from "@strides/db";
import { createProxyServer } from "httpxy";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/client-address";
import type { NextWorkerData, NextWorkerMessage } from "./next-worker";

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(here, "../..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

// Rate limits key on the client address: the socket's peer, or behind STRIDES_TRUSTED_PROXY the
// right-most untrusted X-Forwarded-For entry. Whatever a client sent in that header is replaced.
const trustedProxies = parseTrustedProxies(process.env.STRIDES_TRUSTED_PROXY);

// This thread's database answers the review API only: no checkpointer, no read workers (the pages'
// thread has them), a 16 MiB page cache. Set before anything opens it (review-route.ts is imported
// below).
setDbOptions({ cacheKiB: 16_384 });

// The socket's directory is created 0700: only this user reaches Next without the front thread
// (which sets the client address header).
const socketDir = mkdtempSync(join(tmpdir(), "strides-"));
const socketPath = join(socketDir, "next.sock");
process.on("exit", () => rmSync(socketDir, { recursive: true, force: true }));

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

function startNextWorker(): Promise<Worker> {
  const data: NextWorkerData = { serverThread: "pages", dir, hostname, port, socketPath };
  // Module hooks are per thread: the worker registers tsx's loader and the `server-only` resolution
  // (server-hooks.mjs) itself, and turns source maps off as server.ts does.
  const source = `
    (async () => {
      const { register } = await import("tsx/esm/api");
      register();
      require("node:module").register(${JSON.stringify(pathToFileURL(join(dir, "server-hooks.mjs")).href)});
      if (${JSON.stringify(!process.sourceMapsEnabled)}) process.setSourceMapsEnabled(false);
      for (const preload of ${JSON.stringify(preloads().filter((p) => p !== "tsx"))}) {
        await import(preload);
      }
      await import(${JSON.stringify(pathToFileURL(join(here, "next-worker.ts")).href)});
    })().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  `;
  const worker = new Worker(source, { eval: true, workerData: data });
  return new Promise((ready, failed) => {
    worker.on("message", (m: NextWorkerMessage) => {
      if ("ready" in m) ready(worker);
    });
    worker.once("error", failed);
    worker.once("exit", (code) => failed(new Error(`Next's worker thread exited (${code})`)));
  });
}

let closing = false;
const worker = await startNextWorker();
// Past start-up, the server cannot serve pages without Next: it stops, for its supervisor to restart.
worker.on("error", (error) => {
  console.error("strides: Next's worker thread failed", error);
  process.exit(1);
});
worker.on("exit", (code) => {
  if (!closing) {
    console.error(`strides: Next's worker thread exited (${code})`);
    process.exit(1);
  }
});

const { handleReviewRoute } = await import("./review-route");

const proxy = createProxyServer({
  target: { socketPath },
  agent: new Agent({ keepAlive: true }),
});
// Hop-by-hop: how long the worker keeps its socket to this thread open is not the client's.
proxy.on("proxyRes", (proxyRes) => {
  delete proxyRes.headers["keep-alive"];
  delete proxyRes.headers.connection;
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

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies,
  });
  if (handleReviewRoute(req, res)) return;
  void proxy.web(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`strides: ready on http://${hostname}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    closing = true;
    server.close();
    server.closeAllConnections();
    worker.on("message", (m: NextWorkerMessage) => {
      if ("closed" in m) process.exit(0);
    });
    worker.postMessage("close");
  });
}
