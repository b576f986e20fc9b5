// An author's edit of an imported card (in the import preview or the card editor) survives
// re-imports of the same note. The edited card's content records the hash of the note's card it was
// made on (`sourceHash`); a re-import compares it with the note's card:
// - the note's card is the same as when the author edited it: the edit stays ("kept");
// - the note's card changed since: the note wins ("replaced"), as the note is where the author keeps
//   the material (a changed line is a newer decision, often a correction, that a stale edit would
//   hide), and the import preview says so, showing the edit it replaces, so the author can edit the
//   new text again before publishing.
import type { Db, Prisma } from "../client.ts";

/** Marks `content` (a card's content object) as an author's edit of the note's card `sourceHash`. */
export function markEdited(content: Record<string, unknown>, sourceHash: string) {
  return { ...content, sourceHash };
}

/** The hash of the note's card an edited card was made from; null when not edited. */
export function editedSourceOf(content: unknown): string | null {
  let c = content;
  if (typeof c === "string") {
    try {
      c = JSON.parse(c) as unknown;
    } catch {
      return null;
    }
  }
  const hash = (c as { sourceHash?: unknown } | null)?.sourceHash;
  return typeof hash === "string" && hash !== "" ? hash : null;
}

export type EditOnReimport = "kept" | "replaced";

/**
 * What re-importing `incoming` does to a stored card the author may have edited: null when the
 * stored card is no author's edit (or the incoming card is the stored one), "kept" when the note's
 * card is unchanged since the edit (the stored card stays as it is), "replaced" when the incoming
 * card replaces the edit: the note changed the card, or the author edits it again in this import.
 */
export function editOnReimport(
  stored: { contentHash: string; content: unknown },
  incoming: { contentHash: string; content: unknown },
): EditOnReimport | null {
  if (stored.contentHash === incoming.contentHash) return null;
  const source = editedSourceOf(stored.content);
  if (source === null) return null;
  if (editedSourceOf(incoming.content) === null && source === incoming.contentHash) return "kept";
  return "replaced";
}

/** Card ids per statement: well inside both databases' bound-value limits. */
const CHUNK = 500;

/**
 * The stored content of those of `cardIds` that are authors' edits (by id): what a re-import must
 * compare (editOnReimport). Only cards whose content names a source hash are read.
 */
export async function readEditedCards(
  db: Db | Prisma.TransactionClient,
  cardIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < cardIds.length; i += CHUNK) {
    const rows = await db.card.findMany({
      where: { id: { in: cardIds.slice(i, i + CHUNK) }, content: { contains: '"sourceHash"' } },
      select: { id: true, content: true },
    });
    for (const r of rows) if (editedSourceOf(r.content) !== null) out.set(r.id, r.content);
  }
  return out;
}
