// The JSON API's framework-free part, shared by the Next route handlers (`lib/api.ts`) and the
// production server's direct route (`src/server/review-route.ts`): body validation and the mapping
// of any error to `{ error: { code, message, field?, key?, params? } }` with its status (`key`: the
// message id the browser shows in the learner's language).
import { AppError, isAppError, parseOrThrow } from "@strides/content";
import { classifyDatabaseError } from "@strides/db";
import type { z } from "zod";

export interface ApiResult {
  status: number;
  body: unknown;
  /** Headers the answer needs (Retry-After on a 429). */
  headers?: Record<string, string>;
}

/** The AppError an error answers as: itself, 503 when the database is unavailable, else 500. */
/** A JSON API request without a valid session or bearer token. */
export function notSignedIn(): AppError {
  return new AppError("UNAUTHENTICATED", "sign in or send a valid API token", { key: "signedOut" });
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const unavailable = classifyDatabaseError(error);
  if (unavailable) return unavailable;
  console.error(error);
  return new AppError("INTERNAL", "unexpected error", { cause: error, key: "unexpected" });
}

export function errorResult(error: AppError): ApiResult {
  const retryAfter = error.code === "RATE_LIMITED" ? error.params?.seconds : undefined;
  return {
    status: error.httpStatus,
    ...(retryAfter !== undefined ? { headers: { "Retry-After": String(retryAfter) } } : {}),
    body: {
      error: {
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...(error.key ? { key: error.key } : {}),
        ...(error.params ? { params: error.params } : {}),
      },
    },
  };
}

/** Parses JSON text; a bad body is a 400 naming "body". */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AppError("BAD_INPUT", "body must be JSON", { cause });
  }
}

/** Validates with a zod schema; a bad value is a 400 naming the field. */
export function validate<T>(raw: unknown, schema: z.ZodType<T>): T {
  return parseOrThrow(schema, raw, "body");
}
