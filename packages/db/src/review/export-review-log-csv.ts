// Exports a learner's review history as CSV in the FSRS tools' format (see review-log-csv.ts),
// streamed: chunks of text written page by page (review-log-pages.ts), constant memory.
import type { Db } from "../client.ts";
import { csvLines } from "../csv/write-csv.ts";
import { REVIEW_LOG_CSV_COLUMNS, reviewLogCsvCells } from "./review-log-csv.ts";
import { reviewLogPages } from "./review-log-pages.ts";

export interface ExportReviewLogCsvOptions {
  db: Db;
  userId: string;
  /** Only these decks (default: all the learner's reviews). */
  deckIds?: string[];
}

async function* rows(o: ExportReviewLogCsvOptions) {
  for await (const page of reviewLogPages(o)) {
    for (const l of page) {
      yield reviewLogCsvCells({
        cardId: l.cardId,
        cardKey: `${l.deckSlug}/${l.cardKey}`,
        timeMs: l.reviewedAt.getTime(),
        rating: l.rating,
        state: l.stateBefore,
        durationMs: l.durationMs,
      });
    }
  }
}

/** The CSV as text chunks (for a streamed response or file). */
export function streamReviewLogCsv(o: ExportReviewLogCsvOptions): AsyncGenerator<string> {
  return csvLines(REVIEW_LOG_CSV_COLUMNS, rows(o));
}

/** The whole CSV as one string (small histories, tests). */
export async function exportReviewLogCsv(o: ExportReviewLogCsvOptions): Promise<string> {
  let out = "";
  for await (const chunk of streamReviewLogCsv(o)) out += chunk;
  return out;
}
