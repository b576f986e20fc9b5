// The review loop's hot path, served by the production server without going through Next's
// router: `POST /api/v1/reviews` and `GET /api/v1/review/next` with a bearer token (API clients,
// the load bench). Same handlers as the Next routes (features/review/review-api.ts), same
// validation, errors and security headers; Next's per-request machinery (router, proxy, async
// context) cost ~3× the handler's own CPU time on this path (measured: 175 vs 497 reviews/s,
// closed loop, same handler). Requests with a session cookie go to Next as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@strides/content";
import { authenticateApiToken } from "@strides/db";
import { getNextStep, postReview } from "@/features/review/review-api";
import { langChoiceOf } from "@/i18n/pick-locale";
import {
  type ApiResult,
  errorResult,
  notSignedIn,
  parseJsonText,
  toAppError,
} from "@/lib/api-core";
import { db } from "@/lib/db";
import { securityHeaders } from "@/lib/security";
import { requireTokenScope } from "@/lib/token-scope";

/** Larger bodies are refused (a review body is a few hundred bytes). */
const MAX_BODY_BYTES = 64 * 1024;

type Route = "review" | "next";

function routeOf(req: IncomingMessage): Route | null {
  if (!req.headers.authorization?.startsWith("Bearer ")) return null;
  const path = (req.url ?? "").split("?")[0];
  if (req.method === "POST" && path === "/api/v1/reviews") return "review";
  if (req.method === "GET" && path === "/api/v1/review/next") return "next";
  return null;
}

/** The body as text; past 64 KiB the rest is read and dropped, then refused (413 naming "body"). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) {
        reject(
          new AppError("TOO_LARGE", "body: larger than 64 KiB", {
            field: "body",
            key: "tooLarge",
            params: { limit: "64 KiB" },
          }),
        );
      } else {
        resolve(Buffer.concat(chunks).toString("utf8"));
      }
    });
    req.on("error", reject);
  });
}

/**
 * The proxy's security headers, computed once; a JSON response loads nothing, so its CSP forbids
 * everything (the page CSP's per-request nonce has no use here).
 */
const HEADERS = {
  plain: apiHeaders(false),
  secure: apiHeaders(true),
};

function apiHeaders(secure: boolean): Record<string, string> {
  return {
    ...securityHeaders({ nonce: "-", dev: false, secure }),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "content-type": "application/json",
    "cache-control": "private, no-store",
  };
}

function send(req: IncomingMessage, res: ServerResponse, r: ApiResult) {
  const text = JSON.stringify(r.body);
  const headers = req.headers["x-forwarded-proto"] === "https" ? HEADERS.secure : HEADERS.plain;
  res.writeHead(r.status, { ...headers, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

async function answer(req: IncomingMessage, route: Route): Promise<ApiResult> {
  const now = new Date();
  const token = (req.headers.authorization ?? "").slice(7).trim();
  const found = await authenticateApiToken({ db, token, now });
  if (!found) throw notSignedIn();
  requireTokenScope(found.scope, (req.url ?? "").split("?")[0] ?? "");
  // Exercises in the request's language, as the Next routes and the pages choose it.
  const langs = langChoiceOf({ get: (name) => headerOf(req, name) });
  if (route === "review") {
    return postReview(found.userId, parseJsonText(await readBody(req)), now, langs);
  }
  const params = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
  return getNextStep(found.userId, params, now, langs);
}

/** Answers the request when it is the review loop's API with a bearer token; false otherwise. */
export function handleReviewRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const route = routeOf(req);
  if (!route) return false;
  answer(req, route).then(
    (r) => send(req, res, r),
    (e: unknown) => send(req, res, errorResult(toAppError(e))),
  );
  return true;
}
