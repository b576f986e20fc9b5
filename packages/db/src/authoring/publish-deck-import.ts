import type { Db } from "../client.ts";
import { type SyncDeckReport, type SyncNote, syncDeckCards } from "../decks/sync-deck-cards.ts";
import type { Actor } from "../groups/permissions.ts";
import { requireDeckAuthor } from "./require-deck-author.ts";
import { type DeckAssetInput, storeDeckAssets } from "./store-deck-assets.ts";

/**
 * Publishes an import: checks the actor may author the deck, stores its images (checked first, so a
 * bad image refuses the whole import), then writes every note's cards in one transaction. Learners'
 * schedules stay with the cards' stable keys.
 */
export async function publishDeckImport(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  notes: SyncNote[];
  assets?: DeckAssetInput[];
  now: Date;
}): Promise<SyncDeckReport & { assets: number }> {
  const { db, actor, deckId, notes, now } = options;
  await requireDeckAuthor({ db, actor, deckId });
  const stored = await storeDeckAssets({ db, deckId, assets: options.assets ?? [], now });
  const report = await syncDeckCards({ db, deckId, notes, now });
  return { ...report, assets: stored };
}
