// The production server (`npm start`). One thread accepts every connection and answers the review
// loop's API itself (review-route.ts: `POST /api/v1/reviews`, `GET /api/v1/review/next`, bearer
// token or session cookie); every other request goes to Next's request handler, on a worker thread
// of its own (pages-thread.ts, the default) or, with STRIDES_PAGES_THREAD=0, on this thread.
// Next runs as a custom server (next-app.ts).
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BACKGROUND_NICE, BACKSTOP_AUTOCHECKPOINT, setDbOptions } from "@strides/db";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/client-address";
import { env } from "@/lib/env";
import { KEEP_ALIVE_MS, type NextApp, startNext } from "./next-app";
import { startPagesThread } from "./pages-thread";
import { lowerStartupThreads, lowerThreadPoolPriority } from "./thread-pool-priority";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const pagesThread = env.STRIDES_PAGES_THREAD === "1";

// Rate limits key on the client address: the socket's peer, or behind STRIDES_TRUSTED_PROXY the
// right-most untrusted X-Forwarded-For entry. Whatever a client sent in that header is replaced.
const trustedProxies = parseTrustedProxies(process.env.STRIDES_TRUSTED_PROXY);

// V8's helper threads (they compile optimised code for the pages thread too) at the pages' priority,
// before this thread starts any of its own.
if (pagesThread) lowerStartupThreads(BACKGROUND_NICE);

// With Next on its own thread, this thread's database answers the review API only: no
// checkpointer, no read workers (Next's thread has them), a 16 MiB page cache, and its commits
// leave the WAL to that checkpointer (only its backstop threshold checkpoints here). Set before
// anything opens it (review-route.ts is imported below).
if (pagesThread) {
  setDbOptions({ cacheKiB: 16_384, autocheckpointPages: BACKSTOP_AUTOCHECKPOINT });
}
const pages: NextApp = pagesThread
  ? await startPagesThread({ dir, hostname, port })
  : await startNext({ dir, hostname, port });
// The pages' compression, file reads and password hashes (libuv's pool) at the pages' priority.
if (pagesThread) await lowerThreadPoolPriority(BACKGROUND_NICE);
const { handleReviewRoute } = await import("./review-route");

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies,
  });
  if (handleReviewRoute(req, res)) return;
  pages.handle(req, res);
});
server.keepAliveTimeout = KEEP_ALIVE_MS;
server.listen(port, hostname, () => {
  const layout = pagesThread ? " (pages on a thread of their own)" : "";
  console.log(`strides: ready on http://${hostname}:${port}${layout}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    pages.close().finally(() => process.exit(0));
  });
}
