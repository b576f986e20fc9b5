// POST multipart (files, mappings, curation, tags, allowMissingImages): publishes the import in one
// transaction, or nothing at all. Refused while images the notes show are missing, unless confirmed.
import { AppError } from "@strides/content";
import { publishDeckImport } from "@strides/db";
import { NextResponse } from "next/server";
import { readDeckImport } from "@/features/import/handle-import";
import { requireImagesOrConsent } from "@/features/import/require-images";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const POST = apiRoute<{ slug: string }>(async (ctx, { slug }) => {
  const { actor, deck, read, upload } = await readDeckImport(ctx, slug);
  if (read.errors.length > 0) {
    return NextResponse.json(
      {
        error: { code: "PARSE_ERROR", message: "the import has errors", key: "importHasErrors" },
        errors: read.errors,
      },
      { status: 400 },
    );
  }
  if (read.tables.length > 0) {
    throw new AppError("BAD_INPUT", `mappings: choose the columns of ${read.tables[0]?.file}`, {
      field: "mappings",
      key: "mappingsRequired",
      params: { file: read.tables[0]?.file ?? "" },
    });
  }
  requireImagesOrConsent({
    missingImages: read.missingImages,
    allowMissingImages: upload.allowMissingImages,
  });
  const report = await publishDeckImport({
    db,
    actor,
    deckId: deck.id,
    notes: read.notes,
    assets: read.assets,
    curation: upload.curation,
    now: new Date(),
  });
  return NextResponse.json({
    added: report.added.length,
    changed: report.changed.length,
    unchanged: report.unchanged.length,
    retired: report.retired.length,
    assets: report.assets,
    rejected: report.rejected,
  });
});
