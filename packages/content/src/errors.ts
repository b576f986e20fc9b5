/**
 * The one error type of Strides. Every package throws `AppError` for expected failures
 * (bad input, missing data, forbidden access) and keeps the original error as `cause`.
 */
export const APP_ERROR_CODES = [
  "BAD_INPUT",
  "PARSE_ERROR",
  "MATH_ERROR",
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "TOO_LARGE",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** HTTP status for each code, used by the web app's route handlers. */
export const APP_ERROR_HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_INPUT: 400,
  PARSE_ERROR: 400,
  MATH_ERROR: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface AppErrorOptions {
  cause?: unknown;
  /** Where the problem is: a file and line, or a field path. */
  file?: string;
  line?: number;
  field?: string;
  /**
   * The message's id in the web app's `errors` messages, for errors a learner can meet in the
   * browser: the interface shows it in the learner's language (with `params`), the API keeps
   * `message` in English.
   */
  key?: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: AppErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly key?: string;
  readonly params?: Record<string, string | number>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
    if (options.line !== undefined) this.line = options.line;
    if (options.field !== undefined) this.field = options.field;
    if (options.key !== undefined) this.key = options.key;
    if (options.params !== undefined) this.params = options.params;
  }

  get httpStatus(): number {
    return APP_ERROR_HTTP_STATUS[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Minimal view of a zod schema's `safeParse`, so this module needs no zod import. */
interface SafeParser<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * The one zod → AppError conversion: parses `value`, and on failure throws BAD_INPUT naming the
 * first issue's field (`fallbackField` when the issue has no path), with the zod error as `cause`.
 */
export function parseOrThrow<T>(schema: SafeParser<T>, value: unknown, fallbackField = "input"): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".") || fallbackField;
  throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "invalid"}`, {
    field,
    cause: parsed.error,
  });
}
