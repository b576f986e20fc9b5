// GET an image of a deck: only for members of a group subscribed to the deck (or the admin).
import { AppError } from "@strides/content";
import { loadActor, readDeckAsset } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const GET = apiRoute<{ slug: string; path: string[] }>(async (ctx, { slug, path }) => {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  const asset = await readDeckAsset({
    db,
    userId: actor.userId,
    instanceRole: actor.instanceRole,
    deckSlug: slug,
    path: path.map(decodeURIComponent).join("/"),
  });
  if (!asset) throw new AppError("NOT_FOUND", "image not found");
  // Kept by the browser, but revalidated at every use (no-cache): access is checked each time, so
  // an account that lost the deck, or the next person on a shared browser, is not served a copy. An
  // unchanged image then costs a 304, after the check above.
  const etag = `"${asset.sha256}"`;
  const headers = {
    "Cache-Control": "private, no-cache",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (ifNoneMatch(ctx.request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(asset.data), {
    headers: { ...headers, "Content-Type": asset.mimeType, "Content-Length": String(asset.size) },
  });
});

/** Whether an If-None-Match header names `etag` (a list, `*`, weak or strong). */
function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
