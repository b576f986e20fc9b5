// What publishing an import would do to a deck, without writing: the same rules as
// `syncDeckCards` (added, changed = same key with new content, unchanged, retired = cards of the
// re-imported notes that are gone), with each proposed card's content and quality flags, flagged
// cards first; cards the author rejected earlier are listed apart (`rejected`) so they can be restored.
// A card the author edited earlier is unchanged while the note's card is the one edited (the edit
// stays, shown as it is), and changed when the note changed it (the note's card replaces the edit,
// which the preview shows): decks/curated-edits.ts.
import type { Db } from "../client.ts";
import { type EditOnReimport, editOnReimport, readEditedCards } from "../decks/curated-edits.ts";
import type { SyncNote } from "../decks/sync-deck-cards.ts";
import type { Actor } from "../groups/permissions.ts";
import { listImportRejections } from "./curate-deck-import.ts";
import { requireDeckAuthor } from "./require-deck-author.ts";

export interface ImportPreviewCard {
  key: string;
  kind: string;
  text: string;
  file: string;
  line: number | null;
  /** The proposed card as the content package made it (absent for retired cards). */
  content?: unknown;
  /** Reasons the card may be weak (the content package's CARD_FLAGS). */
  flags: string[];
  /**
   * The author's earlier edit of the card: "kept" (the note's card is unchanged since: the edit
   * stays, and `content` is the edited card) or "replaced" (the note changed the card: publishing
   * replaces the edit, whose text is `text`).
   */
  edit?: { state: EditOnReimport; text: string };
}

export interface ImportPreview {
  added: ImportPreviewCard[];
  changed: ImportPreviewCard[];
  unchanged: ImportPreviewCard[];
  retired: ImportPreviewCard[];
  /** Proposed cards the author rejected in an earlier import: left out unless restored. */
  rejected: ImportPreviewCard[];
}

function flagsOf(content: unknown): string[] {
  const flags = (content as { flags?: unknown } | null)?.flags;
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === "string") : [];
}

/** Flagged cards first (more flags first), otherwise in note order. */
function flaggedFirst(cards: ImportPreviewCard[]): ImportPreviewCard[] {
  return cards
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.flags.length - a.c.flags.length || a.i - b.i)
    .map(({ c }) => c);
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

export async function previewDeckImport(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  notes: SyncNote[];
}): Promise<ImportPreview> {
  const { db, actor, deckId, notes } = options;
  await requireDeckAuthor({ db, actor, deckId });
  const existing = await db.card.findMany({
    where: { deckId },
    select: {
      id: true,
      key: true,
      kind: true,
      contentHash: true,
      retiredAt: true,
      searchText: true,
      lineStart: true,
      note: { select: { path: true } },
    },
  });
  const byKey = new Map(existing.map((c) => [c.key, c]));
  const edited = await readEditedCards(
    db,
    notes.flatMap((n) =>
      n.cards.flatMap((c) => {
        const old = byKey.get(c.key);
        return old && old.contentHash !== c.contentHash ? [old.id] : [];
      }),
    ),
  );
  const rejections = await listImportRejections({ db, deckId });
  const preview: ImportPreview = {
    added: [],
    changed: [],
    unchanged: [],
    retired: [],
    rejected: [],
  };
  const seen = new Set<string>();
  for (const note of notes) {
    for (const card of note.cards) {
      if (seen.has(card.key)) continue;
      seen.add(card.key);
      const item = {
        key: card.key,
        kind: card.kind,
        text: firstLine(card.searchText),
        file: note.path,
        line: card.lineStart,
        content: card.content,
        flags: flagsOf(card.content),
      };
      const old = byKey.get(card.key);
      const stored = old ? edited.get(old.id) : undefined;
      const edit = old && stored ? editOnReimport({ ...old, content: stored }, card) : null;
      if (rejections.has(card.key)) preview.rejected.push(item);
      else if (!old) preview.added.push(item);
      else if (edit === "kept") {
        const kept = {
          ...item,
          content: JSON.parse(stored as string) as unknown,
          text: firstLine(old.searchText),
          edit: { state: edit, text: old.searchText.slice(0, 500) },
        };
        (old.retiredAt !== null ? preview.changed : preview.unchanged).push(kept);
      } else if (old.contentHash !== card.contentHash || old.retiredAt !== null) {
        preview.changed.push(
          edit === "replaced"
            ? { ...item, edit: { state: edit, text: old.searchText.slice(0, 500) } }
            : item,
        );
      } else preview.unchanged.push(item);
    }
  }
  const paths = new Set(notes.map((n) => n.path));
  for (const c of existing) {
    if (c.retiredAt === null && !seen.has(c.key) && c.note && paths.has(c.note.path)) {
      preview.retired.push({
        key: c.key,
        kind: c.kind,
        text: firstLine(c.searchText),
        file: c.note.path,
        line: c.lineStart,
        flags: [],
      });
    }
  }
  preview.added = flaggedFirst(preview.added);
  preview.changed = flaggedFirst(preview.changed);
  preview.unchanged = flaggedFirst(preview.unchanged);
  return preview;
}
