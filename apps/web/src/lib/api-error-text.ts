// The text a learner sees for a failed JSON API call: the `errors` message of the error's key in
// the interface language (dates formatted for the learner), else the server's English message.

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

export function apiErrorText(
  error: unknown,
  t: ErrorMessages,
  formatDate: (d: Date) => string,
): string {
  if (error instanceof ApiCallError) {
    const { key, params } = error.body;
    if (key && t.has(key)) {
      const values = { ...params };
      if (typeof values.due === "string") values.due = formatDate(new Date(values.due));
      return t(key, values);
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
