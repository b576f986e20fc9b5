// The production server (`npm start`). One thread accepts every connection and answers the review
// loop's API itself (review-route.ts: `POST /api/v1/reviews`, `GET /api/v1/review/next`, bearer
// token or session cookie); every other request goes to Next's request handler, in a process
// of its own (pages-process.ts, the default) or, with STRIDES_PAGES_PROCESS=0, on this
// thread.
// Next runs as a custom server (next-app.ts).
import { createServer } from "node:http";
import { setDbOptions } from "@strides/db/server-options";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/client-address";
import { env } from "@/lib/env";
import { describeListenError, listen } from "./listen";
import { refuseMalformedPath, refuseUnsupportedMethod } from "./malformed-path";
import { KEEP_ALIVE_MS, type NextApp, startNext } from "./next-app";
import { startPagesProcess } from "./pages-process";

const { PORT: port, HOST: hostname } = env;
const pagesProcess = env.STRIDES_PAGES_PROCESS === "1";

// Rate limits key on the client address: the socket's peer, or behind STRIDES_TRUSTED_PROXY the
// right-most untrusted X-Forwarded-For entry. Whatever a client sent in that header is replaced.
const trustedProxies = parseTrustedProxies(env.STRIDES_TRUSTED_PROXY);

/** Serves the app from `dir` (apps/web, with its build in .next). */
export async function runProductionServer({ dir }: { dir: string }): Promise<void> {
  // With Next in a process of its own, this process's database answers the review API only: no read
  // workers (the pages process has them), a 16 MiB page cache, and the WAL checkpointer, at this
  // process's priority (it must keep pace with the reviews' writes). Set before anything opens it
  // (review-route.ts is imported below).
  if (pagesProcess) setDbOptions({ cacheKiB: 16_384, backgroundCheckpoints: true });
  // Until the server listens there is nothing to close (see below).
  let stop = (): void => process.exit(0);
  const pages: NextApp = pagesProcess
    ? await startPagesProcess({ dir, onStopped: () => stop() })
    : await startNext({ dir, hostname, port });
  const { handleReviewRoute } = await import("./review-route");

  const server = createServer((req, res) => {
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedProxies,
    });
    if (refuseUnsupportedMethod(req, res) || refuseMalformedPath(req, res)) return;
    if (handleReviewRoute(req, res)) return;
    pages.handle(req, res);
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Once: a second signal (Ctrl-C reaches this process and `npm start`, which passes it on) must not
  // end the process before the pages process has closed.
  let stopping = false;
  stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    pages.close().finally(() => process.exit(0));
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop());

  try {
    await listen(server, port, hostname);
  } catch (error) {
    const line = describeListenError(error, hostname, port);
    if (line === null) throw error;
    console.error(`strides: ${line}`);
    stopping = true; // the pages process's end must not turn this into exit 0
    await pages.close().catch(() => undefined);
    process.exit(1);
  }
  const layout = pagesProcess ? " (pages in a process of their own)" : "";
  console.log(`strides: ready on http://${hostname}:${port}${layout}`);
}
