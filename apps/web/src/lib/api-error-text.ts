// The text a person sees for a failed JSON API call or server action: the `errors` message of the
// error's key in the interface language (the field it names and dates in that language too), else
// the server's English message.

export interface ApiErrorBody {
  code?: string;
  message?: string;
  field?: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** A JSON API call answered with an error (status 0: no answer, `key` "network"). */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }
}

export interface ErrorMessages {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** Field names in the interface language (`errorFields` messages). */
export type FieldNames = ErrorMessages;

export interface LocalizeOptions {
  /** Names the `field` param (a path like `tags.0`: its first segment) in the interface language. */
  fields?: FieldNames;
  formatDate?: (d: Date) => string;
}

/** An error body's text: its key's message when there is one, else `fallback` (English). */
export function errorBodyText(
  body: Pick<ApiErrorBody, "key" | "params">,
  fallback: string,
  t: ErrorMessages,
  o: LocalizeOptions = {},
): string {
  const { key, params } = body;
  if (!key || !t.has(key)) return fallback;
  const values = { ...params };
  if (o.formatDate && typeof values.due === "string")
    values.due = o.formatDate(new Date(values.due));
  if (o.fields && typeof values.field === "string") {
    const name = values.field.split(".")[0] ?? values.field;
    if (o.fields.has(name)) values.field = o.fields(name);
  }
  return t(key, values);
}

export function apiErrorText(
  error: unknown,
  t: ErrorMessages,
  formatDate: (d: Date) => string,
  fields?: FieldNames,
): string {
  if (error instanceof ApiCallError) {
    return errorBodyText(error.body, error.message, t, {
      formatDate,
      ...(fields ? { fields } : {}),
    });
  }
  return error instanceof Error ? error.message : String(error);
}
