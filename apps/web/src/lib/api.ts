// The JSON API's one wrapper: authenticate (session cookie or `Authorization: Bearer <token>`),
// run the handler, and map errors to `{ error: { code, message, field? } }` with the right status.
import "server-only";
import type { AppError } from "@strides/content";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { authenticateCaller } from "./api-caller";
import { errorResult, notSignedIn, parseJsonText, toAppError, validate } from "./api-core";

export interface ApiContext {
  userId: string;
  via: "session" | "token";
  request: Request;
}

/**
 * The caller of an API request, or null. A bearer token must be live (not revoked or expired) and
 * its scope must cover the route (a "review" token is refused with 403 outside /api/v1). A session
 * due for renewal is renewed; its cookie reaches the response through better-auth's Next plugin.
 */
export async function authenticateRequest(request: Request): Promise<ApiContext | null> {
  const { caller } = await authenticateCaller(request.headers, new URL(request.url).pathname);
  return caller ? { userId: caller.userId, via: caller.via, request } : null;
}

export function apiError(error: AppError): NextResponse {
  const r = errorResult(error);
  return NextResponse.json(r.body, {
    status: r.status,
    headers: { "Cache-Control": NO_STORE, ...r.headers },
  });
}

/** An answer about one account is kept by no cache (a shared proxy, the browser's back button). */
const NO_STORE = "private, no-store";

function uncached(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", NO_STORE);
  return response;
}

/** Wraps a route handler: authentication required, errors as JSON, nothing cached. */
export function apiRoute<P>(
  handler: (ctx: ApiContext, params: P) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const ctx = await authenticateRequest(request);
      if (!ctx) throw notSignedIn();
      return uncached(await handler(ctx, await context.params));
    } catch (error) {
      return apiError(toAppError(error));
    }
  };
}

/** Parses a JSON body with a zod schema; a bad body is a 400 naming the field. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  return validate(parseJsonText(await request.text()), schema);
}
