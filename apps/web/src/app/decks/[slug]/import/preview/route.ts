// POST multipart (files, mappings, tags): what publishing would add, change, retire and leave
// alone, each proposed card rendered with its flags; the images the notes show that are missing.
import { loadViewerSettings, previewDeckImport } from "@strides/db";
import { NextResponse } from "next/server";
import { readDeckImport } from "@/features/import/handle-import";
import { renderImportPreview } from "@/features/import/render-import-preview";
import { pageLocaleOf } from "@/i18n/pick-locale";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const POST = apiRoute<{ slug: string }>(async (ctx, { slug }) => {
  const { actor, deck, read } = await readDeckImport(ctx, slug);
  const preview = await previewDeckImport({ db, actor, deckId: deck.id, notes: read.notes });
  // Exercises in the page's language, by the pages' own rule (a saved language counts too).
  const viewer = await loadViewerSettings({ db, userId: ctx.userId });
  return NextResponse.json({
    preview: await renderImportPreview(
      preview,
      read.assets,
      pageLocaleOf(ctx.request.headers, viewer.locale),
    ),
    errors: read.errors,
    warnings: read.warnings,
    tables: read.tables,
    assets: read.assets.map((a) => ({ path: a.path, size: a.data.byteLength })),
    missingImages: read.missingImages,
    noteTags: read.noteTags,
  });
});
