import { describe, expect, it } from "vitest";
import { median, percentile } from "./bench-row.ts";

describe("percentile", () => {
  it("is the nearest rank: the smallest value with at least p of the sample at or below it", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile([7, 3, 5], 0.5)).toBe(5);
    expect(percentile([7, 3, 5], 0.01)).toBe(3);
  });

  it("is NaN for an empty sample and leaves its input alone", () => {
    expect(percentile([], 0.99)).toBeNaN();
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("median", () => {
  it("averages the two middle values of an even sample", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});
