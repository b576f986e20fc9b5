// Suspend and unsuspend: a suspended card never appears in the queue; its schedule is kept.
import type { Db } from "../client.ts";
import { type CardStateRow, loadCardForLearner } from "./review-reads.ts";
import { setCardFlags } from "./review-writes.ts";

export interface SuspendCardOptions {
  db: Db;
  userId: string;
  cardId: string;
  now: Date;
}

export async function suspendCard(o: SuspendCardOptions): Promise<CardStateRow> {
  return o.db.$transaction(async (tx) => {
    const { card } = await loadCardForLearner(tx, o.userId, o.cardId);
    return setCardFlags(tx, { userId: o.userId, cardId: card.id, deckId: card.deckId }, o.now, {
      suspended: true,
    });
  });
}
