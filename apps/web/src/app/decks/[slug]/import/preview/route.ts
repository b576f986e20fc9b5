// POST multipart (files, mappings, tags): what publishing would add, change, retire and leave
// alone, each proposed card rendered with its flags; the images the notes show that are missing.
import { exerciseLangOf, previewDeckImport } from "@strides/db";
import { NextResponse } from "next/server";
import { readDeckImport } from "@/features/import/handle-import";
import { renderImportPreview } from "@/features/import/render-import-preview";
import { langChoiceOf } from "@/i18n/pick-locale";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const POST = apiRoute<{ slug: string }>(async (ctx, { slug }) => {
  const { actor, deck, read } = await readDeckImport(ctx, slug);
  const preview = await previewDeckImport({ db, actor, deckId: deck.id, notes: read.notes });
  return NextResponse.json({
    // Exercises in the page's language (its cookie, else the browser's), as learners get them.
    preview: await renderImportPreview(
      preview,
      read.assets,
      exerciseLangOf(null, langChoiceOf(ctx.request.headers)),
    ),
    errors: read.errors,
    warnings: read.warnings,
    tables: read.tables,
    assets: read.assets.map((a) => ({ path: a.path, size: a.data.byteLength })),
    missingImages: read.missingImages,
    noteTags: read.noteTags,
  });
});
