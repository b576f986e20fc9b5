// Writes a deck's cards from imported notes in one transaction: new cards are added, changed ones
// get a new version (same id, so learners keep their schedules), cards missing from a re-imported
// note are retired (never deleted: their history stays). A card the author edited stays as edited
// while the note's card is the one the edit was made on (curated-edits.ts).
import { AppError } from "@strides/content";
import { normalizeDeckPath } from "../authoring/normalize-deck-path.ts";
import type { Db } from "../client.ts";
import { resetNewCardCursor } from "../review/review-writes.ts";
import { editOnReimport, readEditedCards } from "./curated-edits.ts";

export interface SyncCard {
  /** The content package's stable card id. */
  key: string;
  kind: string;
  contentHash: string;
  content: unknown;
  searchText: string;
  tags: string[];
  context: string[];
  siblingKey: string;
  lineStart: number | null;
  lineEnd: number | null;
}

export interface SyncNote {
  path: string;
  contentHash: string;
  cards: SyncCard[];
}

export interface SyncDeckReport {
  added: string[];
  changed: string[];
  unchanged: string[];
  retired: string[];
  /** Cards the author edited whose edit stays (the note's card is unchanged since); also unchanged. */
  keptEdits: string[];
  /** Cards the author edited that the note's changed card replaced; also changed. */
  replacedEdits: string[];
}

export async function syncDeckCards(options: {
  db: Db;
  deckId: string;
  notes: SyncNote[];
  now: Date;
}): Promise<SyncDeckReport> {
  const { db, deckId, notes, now } = options;
  // Stored paths are normalised relative paths; anything else is a caller's bug or a hostile upload.
  for (const note of notes) {
    if (normalizeDeckPath(note.path) !== note.path) {
      throw new AppError("BAD_INPUT", `${note.path}: not a normalised note path`, {
        file: note.path,
      });
    }
  }
  const report: SyncDeckReport = {
    added: [],
    changed: [],
    unchanged: [],
    retired: [],
    keptEdits: [],
    replacedEdits: [],
  };
  await db.$transaction(
    async (tx) => {
      const existing = await tx.card.findMany({
        where: { deckId },
        select: { id: true, key: true, contentHash: true, retiredAt: true, noteId: true },
      });
      const byKey = new Map(existing.map((c) => [c.key, c]));
      // The stored cards an incoming card differs from, of which the authors' edits are read.
      const edited = await readEditedCards(
        tx,
        notes.flatMap((n) =>
          n.cards.flatMap((c) => {
            const old = byKey.get(c.key);
            return old && old.contentHash !== c.contentHash ? [old.id] : [];
          }),
        ),
      );
      let position = await tx.card.count({ where: { deckId } });
      const touchedNoteIds: string[] = [];
      const seen = new Set<string>();
      // A retired card that comes back keeps its old position, possibly below a learner's new-card
      // cursor: the cursors are then reset so it is not skipped.
      let revived = false;
      for (const note of notes) {
        const row = await tx.note.upsert({
          where: { deckId_path: { deckId, path: note.path } },
          create: { deckId, path: note.path, contentHash: note.contentHash },
          update: { contentHash: note.contentHash, updatedAt: now },
          select: { id: true },
        });
        touchedNoteIds.push(row.id);
        const creates = [];
        for (const card of note.cards) {
          if (seen.has(card.key)) continue;
          seen.add(card.key);
          const data = {
            kind: card.kind,
            contentHash: card.contentHash,
            content: JSON.stringify(card.content),
            searchText: card.searchText,
            tags: card.tags.join(" "),
            context: card.context.join(" › "),
            siblingKey: card.siblingKey,
            noteId: row.id,
            lineStart: card.lineStart,
            lineEnd: card.lineEnd,
          };
          const old = byKey.get(card.key);
          const content = old ? edited.get(old.id) : undefined;
          const edit = old && content ? editOnReimport({ ...old, content }, card) : null;
          if (edit === "replaced") report.replacedEdits.push(card.key);
          if (!old) {
            creates.push({ ...data, deckId, key: card.key, position: position++ });
            report.added.push(card.key);
          } else if (edit === "kept") {
            // The author's edit stays; a retired card comes back with it.
            if (old.retiredAt !== null) revived = true;
            await tx.card.update({
              where: { id: old.id },
              data: {
                noteId: row.id,
                lineStart: card.lineStart,
                lineEnd: card.lineEnd,
                retiredAt: null,
              },
            });
            (old.retiredAt !== null ? report.changed : report.unchanged).push(card.key);
            report.keptEdits.push(card.key);
          } else if (old.contentHash !== card.contentHash || old.retiredAt !== null) {
            if (old.retiredAt !== null) revived = true;
            await tx.card.update({
              where: { id: old.id },
              data: { ...data, version: { increment: 1 }, retiredAt: null },
            });
            report.changed.push(card.key);
          } else {
            if (old.noteId !== row.id || card.lineStart !== null) {
              await tx.card.update({
                where: { id: old.id },
                data: { noteId: row.id, lineStart: card.lineStart, lineEnd: card.lineEnd },
              });
            }
            report.unchanged.push(card.key);
          }
        }
        if (creates.length > 0) await tx.card.createMany({ data: creates });
      }
      // Cards of the re-imported notes that are gone from them are retired.
      const gone = existing.filter(
        (c) =>
          c.retiredAt === null &&
          !seen.has(c.key) &&
          c.noteId !== null &&
          touchedNoteIds.includes(c.noteId),
      );
      if (gone.length > 0) {
        await tx.card.updateMany({
          where: { id: { in: gone.map((c) => c.id) } },
          data: { retiredAt: now },
        });
        report.retired.push(...gone.map((c) => c.key));
      }
      if (revived) await resetNewCardCursor({ db: tx, deckId });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return report;
}
