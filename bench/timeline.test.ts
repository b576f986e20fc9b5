import { describe, expect, it } from "vitest";
import { slowWindows, summarizeTimeline, type TimelineRun } from "./timeline.ts";

/** A run at 200/s (a review due every 5 ms) of `n` reviews, `slow(due)` giving each latency. */
function run(n: number, latency: (due: number) => number): TimelineRun {
  const reviews: [number, number][] = [];
  for (let i = 0; i < n; i++) reviews.push([i * 5, latency(i * 5)]);
  // Recorded in the order answers came back, not the order of time.
  return { tag: "alone-0", start: Date.UTC(2026, 11, 5), reviews: reviews.reverse() };
}

describe("slowWindows", () => {
  it("groups slow reviews due close together, in order of time, and drops lone ones", () => {
    const r = run(2000, (due) =>
      (due >= 1000 && due < 1100) || (due >= 5000 && due < 5300) ? 120 : due === 8000 ? 500 : 6,
    );
    expect(slowWindows(r, 40)).toEqual([
      { from: 1000, to: 1095, reviews: 20, maxMs: 120 },
      { from: 5000, to: 5295, reviews: 60, maxMs: 120 },
    ]);
  });

  it("keeps slow reviews more than the gap apart in windows of their own", () => {
    const r = run(400, (due) => (due < 50 || (due >= 300 && due < 350) ? 90 : 5));
    expect(slowWindows(r, 40, 150).map((w) => [w.from, w.to])).toEqual([
      [0, 45],
      [300, 345],
    ]);
    expect(slowWindows(r, 40, 300)).toHaveLength(1);
  });
});

describe("summarizeTimeline", () => {
  it("prints each run's percentiles and windows", () => {
    // 25 slow reviews of 2,000 (1.25%): the p99 is one of them.
    const text = summarizeTimeline([run(2000, (due) => (due >= 1000 && due < 1125 ? 120 : 6))]);
    expect(text).toContain(
      "alone-0 (00:00:00.000, 2000 reviews): p50 6 ms, p99 120 ms, max 120 ms",
    );
    expect(text).toContain("1 windows over 40 ms");
    expect(text).toContain("1000–1120 ms: 25 reviews, slowest 120 ms");
  });
});
