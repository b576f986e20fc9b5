// The JSON API's one wrapper: authenticate (session cookie or `Authorization: Bearer <token>`),
// run the handler, and map errors to `{ error: { code, message, field? } }` with the right status.
import "server-only";
import { AppError, isAppError } from "@strides/content";
import { authenticateApiToken, classifyDatabaseError } from "@strides/db";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { auth } from "./auth";
import { db } from "./db";

export interface ApiContext {
  userId: string;
  via: "session" | "token";
  request: Request;
}

export async function authenticateRequest(request: Request): Promise<ApiContext | null> {
  const header = request.headers.get("authorization");
  if (header?.startsWith("Bearer ")) {
    const found = await authenticateApiToken({
      db,
      token: header.slice(7).trim(),
      now: new Date(),
    });
    return found ? { userId: found.userId, via: "token", request } : null;
  }
  const session = await auth.api.getSession({ headers: request.headers });
  return session ? { userId: session.user.id, via: "session", request } : null;
}

export function apiError(error: AppError): NextResponse {
  return NextResponse.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
      },
    },
    { status: error.httpStatus },
  );
}

/** Wraps a route handler: authentication required, errors as JSON. */
export function apiRoute<P>(
  handler: (ctx: ApiContext, params: P) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const ctx = await authenticateRequest(request);
      if (!ctx) throw new AppError("UNAUTHENTICATED", "sign in or send a valid API token");
      return await handler(ctx, await context.params);
    } catch (error) {
      if (isAppError(error)) return apiError(error);
      const unavailable = classifyDatabaseError(error);
      if (unavailable) return apiError(unavailable);
      console.error(error);
      return apiError(new AppError("INTERNAL", "unexpected error", { cause: error }));
    }
  };
}

/** Parses a JSON body with a zod schema; a bad body is a 400 naming the field. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch (cause) {
    throw new AppError("BAD_INPUT", "body must be JSON", { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "body";
    throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "invalid"}`, { field });
  }
  return parsed.data;
}
