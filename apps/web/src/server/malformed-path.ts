// Requests Next cannot take, answered by the production server's front (production-server.ts) for
// the review API and Next alike, 400 naming what is wrong and nothing else:
// - a path that is not valid percent-encoding (`/decks/%E0%A4%A`): Next's router fails to decode
//   it and answers 500;
// - a method the Fetch standard forbids (TRACE; Node's parser refuses TRACK, and CONNECT never
//   reaches a request handler): Next builds a `Request` from it, which throws, and answers 500
//   with the stack in the log.
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

/** Methods a `Request` cannot carry (the Fetch standard's forbidden methods). */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

function refuse(res: ServerResponse, field: string, message: string): true {
  const body = JSON.stringify({ error: { code: "BAD_INPUT", message, field } });
  res.writeHead(400, {
    ...securityHeaders({ nonce: "-", dev: false, secure: false }),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
  return true;
}

/** Answers 400 when the request's path is malformed; false (nothing sent) otherwise. */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isMalformedPath(req.url)) return false;
  return refuse(res, "path", "path: not valid percent-encoding");
}

/** Answers 400 to a method no route takes and Next cannot parse; false otherwise. */
export function refuseUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  const method = (req.method ?? "").toUpperCase();
  if (!FORBIDDEN_METHODS.has(method)) return false;
  return refuse(res, "method", `method: ${method} is not supported`);
}
