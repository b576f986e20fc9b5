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
  return new Response(new Uint8Array(asset.data), {
    headers: {
      "Content-Type": asset.mimeType,
      "Content-Length": String(asset.size),
      "Cache-Control": "private, max-age=3600",
      ETag: `"${asset.sha256}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
