// Forget (reset): the card becomes New again for the learner, due now; its review history stays.
import type { Db } from "../client.ts";
import { forgetMemoryCard } from "../scheduling/fsrs-adapter.ts";
import { type CardStateRow, loadCardForLearner, memoryOf } from "./review-reads.ts";
import { lowerNewCursor, memoryData } from "./review-writes.ts";

export interface ForgetCardOptions {
  db: Db;
  userId: string;
  cardId: string;
  now: Date;
  /** Also reset the repetition and lapse counts (and the leech tag). Default true. */
  resetCounts?: boolean;
}

export async function forgetCard(o: ForgetCardOptions): Promise<CardStateRow | null> {
  return o.db.$transaction(async (tx) => {
    const { card, state } = await loadCardForLearner(tx, o.userId, o.cardId);
    if (!state) return null;
    const reset = o.resetCounts ?? true;
    const memory = forgetMemoryCard(memoryOf(state), o.now, reset);
    const row = await tx.cardState.update({
      where: { userId_cardId: { userId: o.userId, cardId: card.id } },
      data: {
        ...memoryData(memory),
        buriedUntil: null,
        variantSeed: null,
        shownAt: null,
        ...(reset ? { leech: false } : {}),
        updatedAt: o.now,
      },
    });
    await lowerNewCursor(tx, o.userId, card.deckId, card.position);
    return row;
  });
}
