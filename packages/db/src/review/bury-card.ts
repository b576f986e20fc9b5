// Bury: hide a card until the learner's next day starts.
import type { Db } from "../client.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { type CardStateRow, loadCardForLearner } from "./review-reads.ts";
import { setCardFlags } from "./review-writes.ts";

export interface BuryCardOptions {
  db: Db;
  userId: string;
  cardId: string;
  now: Date;
}

export async function buryCard(o: BuryCardOptions): Promise<CardStateRow> {
  return o.db.$transaction(async (tx) => {
    const { card, ctx } = await loadCardForLearner(tx, o.userId, o.cardId);
    const until = learnerDay(o.now, ctx.day).end;
    return setCardFlags(tx, { userId: o.userId, cardId: card.id, deckId: card.deckId }, o.now, {
      buriedUntil: until,
    });
  });
}
