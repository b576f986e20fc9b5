/**
 * What re-importing a note changes. Cards are matched by id: same id and same content hash is
 * unchanged, same id and a new hash is changed (the schedule is kept), an id only in the new import
 * is added, an id only in the old one is removed. Removed cards are to be retired by the caller,
 * never deleted with their review history. When a removed and an added card show exactly the same
 * content (e.g. a heading was renamed), the pair is also listed in `renamed` so the caller may carry
 * the history over.
 */
import type { TCard } from "./schema.ts";

export interface CardChange {
  before: TCard;
  after: TCard;
}

export interface CardDiff {
  added: TCard[];
  changed: CardChange[];
  unchanged: TCard[];
  removed: TCard[];
  /** Pairs from `removed` × `added` whose content is identical: probably the same card, moved. */
  renamed: CardChange[];
}

export function diffCards(previous: readonly TCard[], next: readonly TCard[]): CardDiff {
  const before = new Map(previous.map((card) => [card.id, card]));
  const after = new Map(next.map((card) => [card.id, card]));
  const diff: CardDiff = { added: [], changed: [], unchanged: [], removed: [], renamed: [] };
  for (const card of next) {
    const old = before.get(card.id);
    if (!old) diff.added.push(card);
    else if (old.contentHash !== card.contentHash || old.kind !== card.kind) {
      diff.changed.push({ before: old, after: card });
    } else diff.unchanged.push(card);
  }
  for (const card of previous) if (!after.has(card.id)) diff.removed.push(card);

  const addedByHash = new Map<string, TCard[]>();
  for (const card of diff.added) {
    const list = addedByHash.get(card.contentHash) ?? [];
    list.push(card);
    addedByHash.set(card.contentHash, list);
  }
  for (const card of diff.removed) {
    const candidates = addedByHash.get(card.contentHash);
    const match = candidates?.shift();
    if (match) diff.renamed.push({ before: card, after: match });
  }
  return diff;
}

/** Counts for a one-line report: "added 2, changed 1, unchanged 30, removed 0". */
export function summarizeCardDiff(diff: CardDiff): Record<keyof CardDiff, number> {
  return {
    added: diff.added.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged.length,
    removed: diff.removed.length,
    renamed: diff.renamed.length,
  };
}
