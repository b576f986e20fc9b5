// One card of the learner as the review screen shows it, outside the queue's order: the card an
// undo brings back. Its exercise variant is the one `variantFor` decides; nothing is fixed here.
import type { Db } from "../client.ts";
import { CARD_STATE } from "../scheduling/fsrs-adapter.ts";
import type { QueueKind } from "./build-review-queue.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";
import type { ExerciseLangChoice } from "./exercise-lang.ts";
import { type ShownCard, showCard } from "./get-next-card.ts";
import { loadCardForLearner } from "./review-reads.ts";

/** The queue a card in FSRS state `state` belongs to (relearning counts as learning). */
export function queueKindOf(state: number): QueueKind {
  if (state === CARD_STATE.new) return "new";
  if (state === CARD_STATE.review) return "review";
  return "learning";
}

export interface ShowLearnerCardOptions extends ExerciseLangChoice {
  db: Db;
  userId: string;
  cardId: string;
  now: Date;
  exercises?: ExerciseEngine;
}

/** NOT_FOUND when the card is missing or the learner may not review its deck (the same answer). */
export async function showLearnerCard(o: ShowLearnerCardOptions): Promise<ShownCard> {
  const { card, state, ctx } = await loadCardForLearner(o.db, o.userId, o.cardId);
  const st = state?.state ?? CARD_STATE.new;
  const { shown } = await showCard(
    o,
    ctx,
    {
      cardId: card.id,
      deckId: card.deckId,
      kind: card.kind,
      queue: queueKindOf(st),
      state: st,
      due: state?.due ?? null,
      retrievability: null,
      siblingKey: card.siblingKey,
    },
    false,
  );
  return shown;
}
