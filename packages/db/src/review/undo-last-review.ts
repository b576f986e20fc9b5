// Takes back the learner's last review (optionally of one card): restores the exact previous card
// state from the log's snapshot and removes that log.
import type { Db } from "../client.ts";
import { CARD_STATE } from "../scheduling/fsrs-adapter.ts";
import { type CardStateRow, findLastLog } from "./review-reads.ts";
import { lowerNewCursor, parseSnapshot, restoreState } from "./review-writes.ts";

export interface UndoLastReviewOptions {
  db: Db;
  userId: string;
  /** Only undo the last review of this card. */
  cardId?: string;
  now: Date;
}

export type UndoLastReviewResult =
  | { ok: true; cardId: string; undoneLogId: string; state: CardStateRow | null }
  | { ok: false; reason: "nothing_to_undo" };

export async function undoLastReview(o: UndoLastReviewOptions): Promise<UndoLastReviewResult> {
  return o.db.$transaction(async (tx) => {
    const log = await findLastLog(tx, o.userId, o.cardId);
    if (!log) return { ok: false, reason: "nothing_to_undo" } as const;
    const snapshot = log.previous ? parseSnapshot(log.previous) : null;
    // The card's state first, then its log (whose triggers update the review aggregates): the
    // order a review takes, so an undo and a review of the card never wait on each other.
    const state = await restoreState(
      tx,
      { userId: o.userId, cardId: log.cardId, deckId: log.deckId },
      snapshot,
    );
    await tx.reviewLog.delete({ where: { id: log.id } });
    if (!state || state.state === CARD_STATE.new) {
      const card = await tx.card.findUnique({
        where: { id: log.cardId },
        select: { position: true },
      });
      if (card) await lowerNewCursor(tx, o.userId, log.deckId, card.position);
    }
    return { ok: true, cardId: log.cardId, undoneLogId: log.id, state } as const;
  });
}
