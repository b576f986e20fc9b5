// The production server (`npm start`): Next's request handler for every request, except the review
// loop's bearer-token API, answered directly (review-route.ts). Next runs as a custom server
// (next({ dev: false })), so pages, server actions, the proxy and route handlers behave as under
// `next start`.
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
} from "@/lib/client-address";
import { handleReviewRoute } from "./review-route";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";

// Rate limits key on the client address: the socket's peer, or behind STRIDES_TRUSTED_PROXY the
// right-most untrusted X-Forwarded-For entry. Whatever a client sent in that header is replaced.
const trustedProxies = parseTrustedProxies(process.env.STRIDES_TRUSTED_PROXY);

const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies,
  });
  if (handleReviewRoute(req, res)) return;
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`strides: ready on http://${hostname}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    app.close().finally(() => process.exit(0));
  });
}
