// One card for the browser: its content, where it comes from, the learner's schedule and history.
import { canOnDeck } from "../access/deck-access.ts";
import type { Db } from "../client.ts";
import { loadActor } from "../groups/require-group-permission.ts";
import { cardNotFound } from "../review/learner-context.ts";

export interface GetCardDetailOptions {
  db: Db;
  userId: string;
  cardId: string;
}

export async function getCardDetail(o: GetCardDetailOptions) {
  const card = await o.db.card.findUnique({
    where: { id: o.cardId },
    select: {
      id: true,
      kind: true,
      key: true,
      version: true,
      content: true,
      context: true,
      tags: true,
      deckId: true,
      lineStart: true,
      lineEnd: true,
      retiredAt: true,
      deck: { select: { name: true, slug: true } },
      note: { select: { path: true } },
      states: { where: { userId: o.userId } },
      reviewLogs: {
        where: { userId: o.userId },
        orderBy: { reviewedAt: "desc" },
        take: 200,
        select: {
          id: true,
          reviewedAt: true,
          rating: true,
          stateBefore: true,
          stateAfter: true,
          scheduledDays: true,
          dueAfter: true,
          durationMs: true,
          correct: true,
          answer: true,
          stability: true,
          difficulty: true,
        },
      },
    },
  });
  if (!card) throw cardNotFound(o.cardId);
  const actor = await loadActor({ db: o.db, userId: o.userId });
  if (!actor || !(await canOnDeck({ db: o.db, actor, action: "card.read", deckId: card.deckId }))) {
    // Someone else's deck: indistinguishable from a missing card.
    throw cardNotFound(o.cardId);
  }
  const { states, reviewLogs, ...rest } = card;
  return { ...rest, state: states[0] ?? null, history: reviewLogs };
}

export type CardDetail = Awaited<ReturnType<typeof getCardDetail>>;
