// The optimiser on the public 12,580-review log: fitted parameters must beat FSRS's defaults on
// log loss and RMSE(bins), and tiny histories keep the defaults.
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "../scheduling/fsrs-adapter.ts";
import { evaluateFsrsOutOfSample, fitFsrs } from "../scheduling/fsrs-optimizer.ts";
import { loadPublicReviewLog } from "./public-review-log.ts";
import { parseReviewLogCsv } from "./review-log-csv.ts";

describe("FSRS optimiser (fsrs-rs via @open-spaced-repetition/binding)", () => {
  it("fits the public log better than the defaults", async () => {
    const reviews = loadPublicReviewLog();
    expect(reviews).toHaveLength(12_580);
    const r = await fitFsrs(reviews);
    expect(r.fitted).toBe(true);
    expect(r.parameters).toHaveLength(DEFAULT_WEIGHTS.length);
    expect(r.default && r.fittedMetrics).toBeTruthy();
    expect(r.fittedMetrics?.logLoss).toBeLessThan(r.default?.logLoss ?? 0);
    expect(r.fittedMetrics?.rmseBins).toBeLessThan(r.default?.rmseBins ?? 0);
  }, 120_000);

  it("evaluates out of sample with time-series splits", async () => {
    const m = await evaluateFsrsOutOfSample(loadPublicReviewLog());
    expect(m.logLoss).toBeGreaterThan(0);
    expect(m.logLoss).toBeLessThan(1);
  }, 120_000);

  it("keeps the defaults below FSRS's data threshold, without crashing on same-day histories", async () => {
    const few = Array.from({ length: 10 }, (_, i) => [
      { cardId: `c${i}`, dayNumber: 100, time: 1, rating: 3 },
      { cardId: `c${i}`, dayNumber: 100, time: 2, rating: 3 }, // same day only: no item
      { cardId: `c${i}`, dayNumber: 103, time: 3, rating: i % 2 ? 3 : 1 },
    ]).flat();
    const r = await fitFsrs(few);
    expect(r.fitted).toBe(false);
    expect(r.parameters).toEqual([]);
  });
});

describe("review-log CSV", () => {
  it("reads ms and ISO times and rejects bad rows with the line number", () => {
    const rows = parseReviewLogCsv(
      "card_id,review_time,review_rating,review_state,review_duration\n7,1700000000000,3,0,1200\n7,2024-03-29T20:32:32.250000+00:00,1,2,900\n",
    );
    expect(rows.map((r) => [r.timeMs, r.rating, r.state])).toEqual([
      [1_700_000_000_000, 3, 0],
      [Date.parse("2024-03-29T20:32:32.250Z"), 1, 2],
    ]);
    expect(() => parseReviewLogCsv("card_id,review_time,review_rating\n1,x,3\n", "f.csv")).toThrow(
      /f.csv:2/,
    );
  });
});
