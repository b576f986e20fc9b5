// When the learner's next card falls due after `now` (for the end-of-session summary).
import type { Db } from "../client.ts";

export async function getNextDue(o: {
  db: Db;
  userId: string;
  deckIds?: string[];
  now: Date;
}): Promise<Date | null> {
  const row = await o.db.cardState.findFirst({
    where: {
      userId: o.userId,
      suspended: false,
      state: { not: 0 },
      due: { gt: o.now },
      card: { retiredAt: null },
      ...(o.deckIds ? { deckId: { in: o.deckIds } } : {}),
    },
    orderBy: { due: "asc" },
    select: { due: true },
  });
  return row?.due ?? null;
}
