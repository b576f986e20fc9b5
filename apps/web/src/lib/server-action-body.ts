// A server action's body, checked before Next decodes it (proxy.ts): Next answers a body it cannot
// decode, or one past its size limit sent without Content-Length, with a 500. Here such a body is a
// 400 or a 413 naming it. What React's client sends: a fetch action's arguments are either JSON
// text (text/plain) or multipart/form-data; a form posted without JavaScript is multipart too.
import { MAX_SERVER_ACTION_BYTES, MiB } from "./body-limits";

export interface BodyRefusal {
  status: 400 | 413;
  body: { error: { code: string; message: string; field: "body"; key?: string; params?: object } };
}

function badBody(message: string): BodyRefusal {
  return { status: 400, body: { error: { code: "BAD_INPUT", message, field: "body" } } };
}

function tooLarge(): BodyRefusal {
  const limit = `${Math.floor(MAX_SERVER_ACTION_BYTES / MiB)} MB`;
  return {
    status: 413,
    body: {
      error: {
        code: "TOO_LARGE",
        message: `the request body is larger than ${limit}`,
        field: "body",
        key: "tooLarge",
        params: { limit },
      },
    },
  };
}

/** The body, or null past `limit` bytes (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2] ?? null;
}

/**
 * Null when `request` is not a server action (no `Next-Action` header) or its body may go on to
 * Next; otherwise the answer: 413 past MAX_SERVER_ACTION_BYTES however it was sent, 400 for JSON
 * text that does not parse or a multipart body without its boundary's parts.
 */
export async function refuseServerActionBody(request: Request): Promise<BodyRefusal | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const text = request.body ? await readAtMost(request.body, MAX_SERVER_ACTION_BYTES) : Buffer.of();
  if (text === null) return tooLarge();
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (!boundary) return badBody("body: a multipart body needs a boundary");
    const body = text.toString("latin1");
    if (!body.startsWith(`--${boundary}`) || !body.includes(`--${boundary}--`)) {
      return badBody("body: not a multipart body of the declared boundary");
    }
    return null;
  }
  // A form posted as application/x-www-form-urlencoded is not an action for Next (it renders the
  // page); anything else is a fetch action's arguments, which React encodes as JSON text.
  if (type === "application/x-www-form-urlencoded") return null;
  try {
    JSON.parse(text.toString("utf8"));
    return null;
  } catch {
    return badBody("body: a server action's arguments must be JSON");
  }
}
