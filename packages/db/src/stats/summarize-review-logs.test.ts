import { describe, expect, it } from "vitest";
import { histogram, STABILITY_EDGES } from "./bucket-memory.ts";
import { addDays, weekKeyOf } from "./day-keys.ts";
import { computeStreak, summarizeReviewLogs } from "./summarize-review-logs.ts";

const seoul = { timeZone: "Asia/Seoul", dayStartHour: 4 };

describe("summarizeReviewLogs", () => {
  it("buckets by the learner's day (Seoul, day starts at 4 a.m.), not UTC", () => {
    const now = new Date("2026-03-10T03:00:00Z"); // 12:00 in Seoul, 10 March
    const logs = [
      // 02:30 Seoul on 10 March: still the learner's 9 March
      { reviewedAt: new Date("2026-03-09T17:30:00Z"), rating: 3, stateBefore: 2, durationMs: 4000 },
      // 04:30 Seoul on 10 March: today
      { reviewedAt: new Date("2026-03-09T19:30:00Z"), rating: 1, stateBefore: 2, durationMs: 6000 },
      { reviewedAt: new Date("2026-03-10T01:00:00Z"), rating: 3, stateBefore: 0, durationMs: 2000 },
    ];
    const s = summarizeReviewLogs({ logs, day: seoul, now, days: 7 });
    expect(s.today).toBe("2026-03-10");
    expect(s.activity).toHaveLength(7);
    expect(s.activity.at(-1)).toEqual({ key: "2026-03-10", reviews: 2, timeMs: 8000 });
    expect(s.activity.at(-2)).toEqual({ key: "2026-03-09", reviews: 1, timeMs: 4000 });
    // True retention only counts reviews of cards in the Review state.
    expect(s.retention.day).toEqual([
      { key: "2026-03-09", total: 1, passed: 1 },
      { key: "2026-03-10", total: 1, passed: 0 },
    ]);
    expect(s.retention.week).toEqual([{ key: "2026-03-09", total: 2, passed: 1 }]);
    expect(s.retention.month).toEqual([{ key: "2026-03", total: 2, passed: 1 }]);
    expect(s.streak).toEqual({ current: 2, longest: 2 });
    expect(s.totals).toEqual({ reviews: 3, timeMs: 12000, activeDays: 2 });
  });

  it("keeps the streak alive before today's first review and finds the longest run", () => {
    const days = new Set(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-06"]);
    expect(computeStreak(days, "2026-01-07")).toEqual({ current: 2, longest: 3 });
    expect(computeStreak(days, "2026-01-08")).toEqual({ current: 0, longest: 3 });
  });
});

describe("day keys and histograms", () => {
  it("weeks start on Monday and days cross month ends", () => {
    expect(weekKeyOf("2026-03-15")).toBe("2026-03-09"); // a Sunday
    expect(weekKeyOf("2026-03-09")).toBe("2026-03-09");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("puts each stability in its bin", () => {
    const bins = histogram([0.5, 1, 2.9, 400], STABILITY_EDGES);
    expect(bins.map((b) => b.count)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 1]);
  });
});
