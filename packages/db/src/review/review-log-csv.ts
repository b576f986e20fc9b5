// Review logs as CSV in the FSRS tools' format (fsrs-rs, fsrs-optimizer, the binding's
// convertCsvToFsrsItems): card_id, review_time (ms since epoch), review_rating (1–4),
// review_state (0 New, 1 Learning, 2 Review, 3 Relearning: the state before the review),
// review_duration (ms). Strides adds `card_key` ("deck-slug/card-key"), which the tools ignore and
// an import uses to find the card again. Pure functions.
import { createHash } from "node:crypto";
import { AppError } from "@strides/content";
import { readCsvRecords } from "../csv/read-csv.ts";
import { type CsvCell, csvText } from "../csv/write-csv.ts";

/** Review times are stored as dates of years 1970–9999 (what both databases and ISO text hold). */
const LATEST_TIME_MS = Date.UTC(10_000, 0, 1);
/** A review's time on the card fits the database's 32-bit integer column. */
const MAX_DURATION_MS = 2_147_483_647;

export const REVIEW_LOG_CSV_COLUMNS = [
  "card_id",
  "review_time",
  "review_rating",
  "review_state",
  "review_duration",
  "card_key",
] as const;

export interface CsvReviewRow {
  /** Line number in the file (1 = header). */
  line: number;
  cardId: string;
  timeMs: number;
  rating: number;
  state: number | null;
  durationMs: number;
  cardKey: string | null;
}

/** A numeric card id for the tools (some expect an integer): 48 bits of SHA-256 of the Strides id. */
export function numericCardId(cardId: string): string {
  return String(
    Number.parseInt(createHash("sha256").update(cardId).digest("hex").slice(0, 12), 16),
  );
}

export function formatReviewLogCsv(rows: Iterable<ReviewLogCsvRow>): string {
  return csvText(REVIEW_LOG_CSV_COLUMNS, [...rows].map(reviewLogCsvCells));
}

export interface ReviewLogCsvRow {
  cardId: string;
  cardKey: string;
  timeMs: number;
  rating: number;
  state: number;
  durationMs: number;
}

/** One row's cells, in REVIEW_LOG_CSV_COLUMNS order. */
export function reviewLogCsvCells(r: ReviewLogCsvRow): CsvCell[] {
  return [numericCardId(r.cardId), r.timeMs, r.rating, r.state, r.durationMs, r.cardKey];
}

/** Parses a review-log CSV; review_time may be milliseconds or ISO 8601. BAD_INPUT names the line. */
export function parseReviewLogCsv(text: string, file = "review log"): CsvReviewRow[] {
  const records = readCsvRecords(text, { file });
  const first = records[0];
  const header = first && first.line === 1 ? first.cells.map((c) => c.trim()) : [];
  const col = (name: string) => header.indexOf(name);
  for (const required of ["card_id", "review_time", "review_rating"]) {
    if (col(required) < 0) {
      throw new AppError("BAD_INPUT", `${file}: the header has no ${required} column`, {
        file,
        line: 1,
      });
    }
  }
  const rows: CsvReviewRow[] = [];
  for (const record of records.slice(1)) {
    const f = record.cells.map((c) => c.trim());
    const get = (name: string) => {
      const idx = col(name);
      return idx < 0 ? undefined : f[idx];
    };
    const line = record.line;
    const timeText = get("review_time") ?? "";
    const timeMs = /^\d+$/.test(timeText) ? Number(timeText) : Date.parse(timeText);
    const rating = Number(get("review_rating"));
    if (!Number.isFinite(timeMs)) {
      throw new AppError("BAD_INPUT", `${file}:${line}: review_time "${timeText}" is not a time`, {
        file,
        line,
      });
    }
    if (timeMs < 0 || timeMs >= LATEST_TIME_MS) {
      throw new AppError(
        "BAD_INPUT",
        `${file}:${line}: review_time "${timeText}" is outside 1970–9999 (milliseconds since 1970 expected)`,
        { file, line },
      );
    }
    if (!Number.isInteger(rating) || rating < 0 || rating > 4) {
      throw new AppError("BAD_INPUT", `${file}:${line}: review_rating must be 0–4`, { file, line });
    }
    const stateText = get("review_state");
    const state = stateText === undefined || stateText === "" ? null : Number(stateText);
    rows.push({
      line,
      cardId: get("card_id") ?? "",
      timeMs,
      rating,
      state: state !== null && Number.isInteger(state) ? state : null,
      durationMs: Math.min(
        MAX_DURATION_MS,
        Math.max(0, Math.round(Number(get("review_duration") ?? 0) || 0)),
      ),
      cardKey: get("card_key") || null,
    });
  }
  return rows;
}
