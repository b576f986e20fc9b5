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

/**
 * Every message id an AppError may carry (`key`). The web app has an English and a Korean text for
 * each in its `errors` messages (a test fails on a missing one); `params` fill the text's
 * placeholders. `field*` keys come from zod validation (`parseOrThrow`); their `field` param is the
 * field's name, which the interface shows in the learner's language.
 */
export const APP_ERROR_KEYS = [
  // Review and offline
  "requestIdReused",
  "cardNotFound",
  "cannotReview",
  "cardRetired",
  "exerciseNotShown",
  "ratingRequired",
  "reviewedConcurrently",
  "cardSuspended",
  "cardBuried",
  "cardNotDue",
  "reviewedElsewhere",
  "reviewInFuture",
  "reviewTooOld",
  "otherAccount",
  "nothingToUndo",
  "notAnExercise",
  "signedOut",
  "tokenScope",
  "tooLarge",
  "tooManyRequests",
  "deckNotFound",
  "notInGroup",
  "deckNotAvailable",
  "notAllowed",
  "unexpected",
  "databaseDiskFull",
  "databaseReadOnly",
  "databaseIoError",
  "serverBusy",
  "databaseUnavailable",
  // Groups, invites, accounts
  "groupNotFound",
  "inviteNotFound",
  "lastOwner",
  "adminsOnly",
  "accountNotFound",
  "lastAdmin",
  "cannotInviteRole",
  "notAMember",
  "cannotRemoveRole",
  "deckNotSubscribed",
  "cannotResetPassword",
  "memberNotFound",
  "resetLinkInvalid",
  "resetLinkUsed",
  "resetLinkExpired",
  "passwordLength",
  "passwordsDiffer",
  "wrongPassword",
  "slugTaken",
  "slugFormat",
  "stepsFormat",
  // Authoring and import
  "cardKindFixed",
  "tagsFormat",
  "clozeMissing",
  "clozeNumberMissing",
  "generatorUnknown",
  "generatorNoParam",
  "paramsJson",
  "paramIntRange",
  "paramEmptyRange",
  "paramChoice",
  "paramsNoVariant",
  "mathInvalid",
  "importHasErrors",
  "filesRequired",
  "filesNotMultipart",
  "mappingsRequired",
  "mappingsInvalid",
  "importNotInPreview",
  "importEditBasicOnly",
  "imagesMissing",
  "imageTooLarge",
  "imageType",
  "pathInvalid",
  // zod validation of a form field (`field`: the field's name)
  "fieldRequired",
  "fieldTooShort",
  "fieldTooLong",
  "fieldTooFewItems",
  "fieldTooManyItems",
  "fieldTooSmall",
  "fieldTooLarge",
  "fieldNotInteger",
  "fieldInvalid",
  "hiddenCharacters",
] as const;

export type AppErrorKey = (typeof APP_ERROR_KEYS)[number];

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
  key?: AppErrorKey;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: AppErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly key?: AppErrorKey;
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

const APP_ERROR_BRAND = Symbol.for("strides.AppError");
Object.defineProperty(AppError.prototype, APP_ERROR_BRAND, { value: true });

/**
 * An AppError from any copy of this module: the production server loads the packages twice (Next's
 * bundle and the direct review route), and `instanceof` only knows its own copy's class.
 */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (value instanceof Error &&
      (value as unknown as Record<symbol, unknown>)[APP_ERROR_BRAND] === true)
  );
}

/** The parts of a zod issue the message id is read from (this module needs no zod import). */
interface ZodIssueView {
  path: PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  params?: Record<string, unknown>;
}

/** Minimal view of a zod schema's `safeParse`, so this module needs no zod import. */
interface SafeParser<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ZodIssueView[] } };
}

function isAppErrorKey(value: unknown): value is AppErrorKey {
  return typeof value === "string" && (APP_ERROR_KEYS as readonly string[]).includes(value);
}

/**
 * The message id and params of a zod issue: a refinement's own (`params: { key, … }`), else one
 * by the issue's kind (required, too long, too few items, …). `field` is always a param.
 */
export function zodIssueMessage(
  issue: ZodIssueView,
  field: string,
): { key: AppErrorKey; params: Record<string, string | number> } {
  const params: Record<string, string | number> = { field };
  if (issue.code === "custom" && issue.params && isAppErrorKey(issue.params.key)) {
    for (const [k, v] of Object.entries(issue.params)) {
      if (k !== "key" && (typeof v === "string" || typeof v === "number")) params[k] = v;
    }
    return { key: issue.params.key, params };
  }
  const min = typeof issue.minimum === "number" || typeof issue.minimum === "bigint";
  const max = typeof issue.maximum === "number" || typeof issue.maximum === "bigint";
  if (issue.code === "too_small" && min) {
    const n = Number(issue.minimum);
    if (issue.origin === "string") {
      return n <= 1
        ? { key: "fieldRequired", params }
        : { key: "fieldTooShort", params: { ...params, min: n } };
    }
    if (issue.origin === "array" || issue.origin === "set") {
      return { key: "fieldTooFewItems", params: { ...params, min: n } };
    }
    return { key: "fieldTooSmall", params: { ...params, min: n } };
  }
  if (issue.code === "too_big" && max) {
    const n = Number(issue.maximum);
    if (issue.origin === "string") return { key: "fieldTooLong", params: { ...params, max: n } };
    if (issue.origin === "array" || issue.origin === "set") {
      return { key: "fieldTooManyItems", params: { ...params, max: n } };
    }
    return { key: "fieldTooLarge", params: { ...params, max: n } };
  }
  if (issue.code === "invalid_type") {
    if (/received undefined$/.test(issue.message)) return { key: "fieldRequired", params };
    if (issue.expected === "int") return { key: "fieldNotInteger", params };
  }
  return { key: "fieldInvalid", params };
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
  const message = issue
    ? zodIssueMessage(issue, field)
    : { key: "fieldInvalid" as const, params: { field } };
  throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "invalid"}`, {
    field,
    cause: parsed.error,
    ...message,
  });
}
