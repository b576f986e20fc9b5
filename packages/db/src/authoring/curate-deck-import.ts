// The author's choices in an import preview, applied to the notes before publishing: rejected
// cards are left out (and remembered per deck by card id, so a re-import does not bring them
// back), restored ones come back, edited ones keep their id with the new text (and the note's card
// they were made on, so a re-import of the unchanged note keeps the edit: decks/curated-edits.ts).
import { createHash } from "node:crypto";
import { AppError } from "@strides/content";
import { z } from "zod";
import type { Db } from "../client.ts";
import { markEdited } from "../decks/curated-edits.ts";
import type { SyncCard, SyncNote } from "../decks/sync-deck-cards.ts";

export const ZCardEdit = z.object({
  front: z.string().trim().min(1).max(20_000).optional(),
  back: z.string().trim().min(1).max(20_000).optional(),
});
export const ZImportCuration = z.object({
  /** Card ids rejected in this preview. */
  rejected: z.array(z.string().min(1)).max(20_000).default([]),
  /** Card ids rejected earlier that the author brings back. */
  restored: z.array(z.string().min(1)).max(20_000).default([]),
  /** New front/back text by card id (basic cards). */
  edits: z.record(z.string().min(1), ZCardEdit).default({}),
});
export type TImportCuration = z.infer<typeof ZImportCuration>;
export const EMPTY_CURATION: TImportCuration = { rejected: [], restored: [], edits: {} };

/** The deck's remembered rejections (card ids). */
export async function listImportRejections(options: { db: Db; deckId: string }) {
  const rows = await options.db.importRejection.findMany({
    where: { deckId: options.deckId },
    select: { cardKey: true },
  });
  return new Set(rows.map((r) => r.cardKey));
}

function editCard(card: SyncCard, edit: z.infer<typeof ZCardEdit>): SyncCard {
  const content = card.content as Record<string, unknown>;
  if (card.kind !== "basic") {
    throw new AppError("BAD_INPUT", `edits.${card.key}: only basic cards can be edited here`, {
      field: `edits.${card.key}`,
      key: "importEditBasicOnly",
    });
  }
  const front = edit.front ?? String(content.front ?? "");
  const back = edit.back ?? String(content.back ?? "");
  if (front === content.front && back === content.back) return card;
  const contentHash = createHash("sha256")
    .update(`${card.contentHash}\n${front}\n${back}`)
    .digest("hex")
    .slice(0, 32);
  return {
    ...card,
    contentHash,
    content: markEdited({ ...content, front, back, contentHash }, card.contentHash),
    searchText: `${front}\n${back}`,
  };
}

/**
 * Pure: the notes as they will be published. `remembered` holds the deck's earlier rejections;
 * an edit or a rejection of a card that is not in the import is refused, naming it.
 */
export function applyImportCuration(options: {
  notes: SyncNote[];
  curation: TImportCuration;
  remembered: ReadonlySet<string>;
}): { notes: SyncNote[]; rejected: Set<string> } {
  const { notes, curation, remembered } = options;
  const keys = new Set(notes.flatMap((n) => n.cards.map((c) => c.key)));
  for (const key of [...curation.rejected, ...Object.keys(curation.edits)]) {
    if (!keys.has(key)) {
      throw new AppError("BAD_INPUT", `curation: card ${key} is not in this import`, {
        field: "curation",
        key: "importNotInPreview",
      });
    }
  }
  const restored = new Set(curation.restored);
  const rejected = new Set([...remembered].filter((k) => !restored.has(k)));
  for (const k of curation.rejected) rejected.add(k);
  return {
    rejected,
    notes: notes.map((note) => ({
      ...note,
      cards: note.cards
        .filter((c) => !rejected.has(c.key))
        .map((c) => {
          const edit = curation.edits[c.key];
          return edit ? editCard(c, edit) : c;
        }),
    })),
  };
}

/** Remembers this publish's rejections and forgets the restored ones. */
export async function saveImportRejections(options: {
  db: Db;
  deckId: string;
  curation: TImportCuration;
  now: Date;
}): Promise<void> {
  const { db, deckId, curation, now } = options;
  const restored = curation.restored.filter((k) => !curation.rejected.includes(k));
  await db.$transaction([
    db.importRejection.deleteMany({ where: { deckId, cardKey: { in: restored } } }),
    ...curation.rejected.map((cardKey) =>
      db.importRejection.upsert({
        where: { deckId_cardKey: { deckId, cardKey } },
        create: { deckId, cardKey, rejectedAt: now },
        update: {},
      }),
    ),
  ]);
}
