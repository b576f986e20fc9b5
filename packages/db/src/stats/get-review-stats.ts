// A learner's review statistics (heatmap, true retention, time spent, streak) over the last year.
import type { Db } from "../client.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { loadLearnerDay } from "./load-learner-day.ts";
import { type ReviewLogSummary, summarizeReviewLogs } from "./summarize-review-logs.ts";

export interface GetReviewStatsOptions {
  db: Db;
  userId: string;
  /** Only these decks (default: every deck). */
  deckIds?: string[];
  now: Date;
  /** Days of history (default 365). */
  days?: number;
}

export async function getReviewStats(o: GetReviewStatsOptions): Promise<ReviewLogSummary> {
  const day = await loadLearnerDay(o.db, o.userId);
  const days = o.days ?? 365;
  // Streaks may be longer than the window: read a little more history, bounded.
  const since = new Date(learnerDay(o.now, day).start.getTime() - (days + 1) * 86_400_000);
  const logs = await o.db.reviewLog.findMany({
    where: {
      userId: o.userId,
      reviewedAt: { gte: since },
      ...(o.deckIds ? { deckId: { in: o.deckIds } } : {}),
    },
    select: { reviewedAt: true, rating: true, stateBefore: true, durationMs: true },
    orderBy: { reviewedAt: "asc" },
  });
  return summarizeReviewLogs({ logs, day, now: o.now, days });
}
