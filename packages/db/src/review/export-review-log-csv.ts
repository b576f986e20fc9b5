// Exports a learner's review history as CSV in the FSRS tools' format (see review-log-csv.ts).
import type { Db } from "../client.ts";
import { formatReviewLogCsv } from "./review-log-csv.ts";

export interface ExportReviewLogCsvOptions {
  db: Db;
  userId: string;
  /** Only these decks (default: all the learner's reviews). */
  deckIds?: string[];
}

export async function exportReviewLogCsv(o: ExportReviewLogCsvOptions): Promise<string> {
  const logs = await o.db.reviewLog.findMany({
    where: { userId: o.userId, ...(o.deckIds ? { deckId: { in: o.deckIds } } : {}) },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: {
      cardId: true,
      reviewedAt: true,
      rating: true,
      stateBefore: true,
      durationMs: true,
      card: { select: { key: true, deck: { select: { slug: true } } } },
    },
  });
  return formatReviewLogCsv(
    logs.map((l) => ({
      cardId: l.cardId,
      cardKey: `${l.card.deck.slug}/${l.card.key}`,
      timeMs: l.reviewedAt.getTime(),
      rating: l.rating,
      state: l.stateBefore,
      durationMs: l.durationMs,
    })),
  );
}
