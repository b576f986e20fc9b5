// The import routes' shared body: who, which deck, what was uploaded.
import "server-only";
import { AppError } from "@strides/content";
import { getAuthorDeck, listDeckAssetPaths, loadActor } from "@strides/db";
import type { ApiContext } from "@/lib/api";
import { db } from "@/lib/db";
import { readImportFiles, readUpload } from "./read-import-files";
import { rewriteNoteImages } from "./rewrite-image-urls";

export async function readDeckImport(ctx: ApiContext, slug: string) {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  const deck = await getAuthorDeck({ db, actor, slug });
  const upload = await readUpload(ctx.request);
  if (upload.files.length === 0) {
    throw new AppError("BAD_INPUT", "files: choose at least one file", {
      field: "files",
      key: "filesRequired",
    });
  }
  const existingAssets = await listDeckAssetPaths({ db, deckId: deck.id });
  const read = await readImportFiles({ ...upload, existingAssets });
  const assets = new Set([...existingAssets, ...read.assets.map((a) => a.path)]);
  read.notes = read.notes.map((n) => rewriteNoteImages(n, deck.slug, assets));
  return { actor, deck, read, upload };
}
