// A request path that is not valid percent-encoding (`/decks/%E0%A4%A`): Next's router fails to
// decode it and answers 500. The production server's front answers it first (production-server.ts),
// for the review API and Next alike: 400, naming the path, nothing else said.
import type { IncomingMessage, ServerResponse } from "node:http";
import { securityHeaders } from "../lib/security";

/** Whether the path of `url` (the query aside) fails to percent-decode. */
export function isMalformedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const BODY = JSON.stringify({
  error: {
    code: "BAD_INPUT",
    message: "path: not valid percent-encoding",
    field: "path",
  },
});

/** Answers 400 when the request's path is malformed; false (nothing sent) otherwise. */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isMalformedPath(req.url)) return false;
  res.writeHead(400, {
    ...securityHeaders({ nonce: "-", dev: false, secure: false }),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(BODY),
  });
  res.end(BODY);
  return true;
}
