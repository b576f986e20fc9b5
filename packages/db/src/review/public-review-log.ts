// The public py-fsrs review log (MIT, fixtures/py-fsrs-LICENSE) as optimiser input, for the
// optimiser's test and the bench. Its learner's time zone is unknown: days are counted in UTC from
// 04:00, the FSRS tools' default day start.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OptimizerReview } from "../scheduling/fsrs-optimizer.ts";
import { DEFAULT_LEARNER_DAY, learnerDay } from "../scheduling/learner-day.ts";
import { parseReviewLogCsv } from "./review-log-csv.ts";

export const PUBLIC_REVIEW_LOG_PATH = fileURLToPath(
  new URL("./fixtures/py-fsrs-review-logs.csv", import.meta.url),
);

export function loadPublicReviewLog(): OptimizerReview[] {
  const rows = parseReviewLogCsv(
    readFileSync(PUBLIC_REVIEW_LOG_PATH, "utf8"),
    "py-fsrs-review-logs.csv",
  );
  return rows.map((r) => ({
    cardId: r.cardId,
    dayNumber: learnerDay(new Date(r.timeMs), DEFAULT_LEARNER_DAY).dayNumber,
    time: r.timeMs,
    rating: r.rating,
  }));
}
