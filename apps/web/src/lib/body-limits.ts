// Request body limits, one place for all of them (next.config.ts, proxy.ts, the import routes).
// Uploads (note imports: Markdown, zips with images, CSV) may be up to 50 MB; server actions are
// form posts of text and stay small. A larger body is answered 413 with a message naming the limit.

export const MiB = 1024 * 1024;
/** The largest upload (the import routes' multipart body). */
export const MAX_UPLOAD_BYTES = 50 * MiB;
/** The largest server-action body (forms: card editor, settings): Next's `bodySizeLimit`. */
export const MAX_SERVER_ACTION_BYTES = 2 * MiB;
/**
 * How much of a body Next's proxy keeps for the route (`proxyClientMaxBodySize`): more than the
 * upload limit, so an oversized upload without Content-Length still reaches the route's own
 * counter and gets its 413, rather than arriving cut off as a broken multipart body.
 */
export const PROXY_BODY_BYTES = MAX_UPLOAD_BYTES + 10 * MiB;

function mb(bytes: number): string {
  return `${Math.floor(bytes / MiB)} MB`;
}

/**
 * The 413 for a request whose Content-Length exceeds its limit, or null: server actions (a
 * `Next-Action` header) against MAX_SERVER_ACTION_BYTES, everything else against MAX_UPLOAD_BYTES.
 */
export function bodyTooLarge(headers: Headers): { status: 413; body: unknown } | null {
  const length = Number(headers.get("content-length") ?? 0);
  const limit = headers.has("next-action") ? MAX_SERVER_ACTION_BYTES : MAX_UPLOAD_BYTES;
  if (!(length > limit)) return null;
  return {
    status: 413,
    body: {
      error: {
        code: "TOO_LARGE",
        message: `the request body is larger than ${mb(limit)}`,
        key: "tooLarge",
        params: { limit: mb(limit) },
      },
    },
  };
}
