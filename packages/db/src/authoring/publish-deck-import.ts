import type { Db } from "../client.ts";
import { type SyncDeckReport, type SyncNote, syncDeckCards } from "../decks/sync-deck-cards.ts";
import type { Actor } from "../groups/permissions.ts";
import {
  applyImportCuration,
  EMPTY_CURATION,
  listImportRejections,
  saveImportRejections,
  type TImportCuration,
} from "./curate-deck-import.ts";
import { requireDeckAuthor } from "./require-deck-author.ts";
import { type DeckAssetInput, storeDeckAssets } from "./store-deck-assets.ts";

/**
 * Publishes an import: checks the actor may author the deck, stores its images (checked first, so a
 * bad image refuses the whole import), then writes every note's cards in one transaction. Learners'
 * schedules stay with the cards' stable keys. `curation` (the preview's choices) leaves out rejected
 * cards — and those rejected in earlier imports unless restored — and applies edits (same ids).
 */
export async function publishDeckImport(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  notes: SyncNote[];
  assets?: DeckAssetInput[];
  curation?: TImportCuration;
  now: Date;
}): Promise<SyncDeckReport & { assets: number; rejected: number }> {
  const { db, actor, deckId, now } = options;
  const curation = options.curation ?? EMPTY_CURATION;
  await requireDeckAuthor({ db, actor, deckId });
  const remembered = await listImportRejections({ db, deckId });
  const curated = applyImportCuration({ notes: options.notes, curation, remembered });
  const stored = await storeDeckAssets({ db, deckId, assets: options.assets ?? [], now });
  const report = await syncDeckCards({ db, deckId, notes: curated.notes, now });
  await saveImportRejections({ db, deckId, curation, now });
  const proposed = new Set(options.notes.flatMap((n) => n.cards.map((c) => c.key)));
  const rejected = [...curated.rejected].filter((k) => proposed.has(k)).length;
  return { ...report, assets: stored, rejected };
}
