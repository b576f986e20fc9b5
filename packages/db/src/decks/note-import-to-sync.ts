// Maps the content package's parsed notes onto the rows `syncDeckCards` writes.
import { createHash } from "node:crypto";
import type { TCard, TNoteImport } from "@strides/content";
import type { SyncCard, SyncNote } from "./sync-deck-cards.ts";

function searchTextOf(card: TCard): string {
  switch (card.kind) {
    case "basic":
      return `${card.front}\n${card.back}`;
    case "cloze":
      return card.back;
    case "listRecall":
      return [card.front, ...card.items.map((i) => i.text)].join("\n");
    case "exercise":
      return [card.generator, card.prompt ?? ""].join("\n");
  }
}

export function cardToSyncCard(card: TCard): SyncCard {
  return {
    key: card.id,
    kind: card.kind,
    contentHash: card.contentHash,
    content: card,
    searchText: searchTextOf(card),
    tags: card.tags,
    context: card.context,
    siblingKey: card.siblingKey,
    lineStart: card.source.lineStart,
    lineEnd: card.source.lineEnd,
  };
}

export function noteImportToSyncNote(note: TNoteImport, text: string): SyncNote {
  return {
    path: note.deckPath,
    contentHash: createHash("sha256").update(text).digest("hex"),
    cards: note.cards.map(cardToSyncCard),
  };
}
