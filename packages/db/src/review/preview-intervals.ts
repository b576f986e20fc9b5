// The next due date for each rating, for the answer buttons.
import type { Db } from "../client.ts";
import {
  type MemoryCard,
  previewReview,
  RATINGS,
  type TRating,
} from "../scheduling/fsrs-adapter.ts";
import { loadCardForLearner, memoryOf, schedulerSettings } from "./review-reads.ts";
import type { TReviewSettings } from "./schema.ts";

export interface IntervalPreview {
  rating: TRating;
  due: Date;
  /** Milliseconds from `now` to `due`. */
  intervalMs: number;
  /** Short label: "1m", "10m", "3d", "2.1mo", "1.5y". */
  label: string;
}

export function formatInterval(ms: number): string {
  const min = ms / 60_000;
  if (min < 60) return `${Math.max(1, Math.round(min))}m`;
  const h = min / 60;
  if (h < 24) return `${Math.round(h)}h`;
  const d = h / 24;
  if (d < 30) return `${Math.round(d)}d`;
  if (d < 365) return `${(d / 30).toFixed(1).replace(/\.0$/, "")}mo`;
  return `${(d / 365).toFixed(1).replace(/\.0$/, "")}y`;
}

export function previewIntervalsFor(
  state: MemoryCard | null,
  settings: TReviewSettings,
  now: Date,
): IntervalPreview[] {
  const next = previewReview(state ? memoryOf(state) : null, now, schedulerSettings(settings));
  return RATINGS.map((rating) => {
    const due = next[rating].due;
    const intervalMs = due.getTime() - now.getTime();
    return { rating, due, intervalMs, label: formatInterval(intervalMs) };
  });
}

export interface PreviewIntervalsOptions {
  db: Db;
  userId: string;
  cardId: string;
  now: Date;
}

export async function previewIntervals(o: PreviewIntervalsOptions): Promise<IntervalPreview[]> {
  const { state, settings } = await loadCardForLearner(o.db, o.userId, o.cardId);
  return previewIntervalsFor(state, settings, o.now);
}
