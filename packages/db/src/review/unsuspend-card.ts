import { type CardStateRow, loadCardForLearner } from "./review-reads.ts";
import { setCardFlags } from "./review-writes.ts";
import type { SuspendCardOptions } from "./suspend-card.ts";

/** Unsuspends a card (also clears a leech's suspension; the leech tag stays). */
export async function unsuspendCard(o: SuspendCardOptions): Promise<CardStateRow | null> {
  return o.db.$transaction(async (tx) => {
    const { card, state } = await loadCardForLearner(tx, o.userId, o.cardId);
    if (!state) return null;
    return setCardFlags(tx, { userId: o.userId, cardId: card.id, deckId: card.deckId }, o.now, {
      suspended: false,
    });
  });
}
