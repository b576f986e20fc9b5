import { describe, expect, it } from "vitest";
import { yAxisOf } from "./axis-ticks.ts";

const whole = (v: number) => String(Math.round(v));
const tenths = (v: number) => String(Math.round(v * 10) / 10);
const labels = (max: number, format: (v: number) => string) =>
  yAxisOf(max, format).ticks.map((t) => t.label);

describe("a bar plot's y axis", () => {
  it("labels a count axis with whole numbers only (one card due: 0 and 1, not 0, 1, 1)", () => {
    expect(labels(1, whole)).toEqual(["0", "1"]);
    expect(labels(3, whole)).toEqual(["0", "5"]);
    expect(labels(7, whole)).toEqual(["0", "5", "10"]);
  });

  it("raises a top the format would show as 0 (a few seconds of review in minutes)", () => {
    const axis = yAxisOf(0.02, tenths);
    expect(axis.top).toBe(0.1);
    expect(axis.ticks.map((t) => t.label)).toEqual(["0", "0.1"]);
    expect(labels(0.4, whole)).toEqual(["0", "1"]);
  });

  it("keeps every label true to its height", () => {
    for (const max of [0.01, 0.3, 1, 2, 3, 9, 11, 45, 170, 1234]) {
      for (const format of [whole, tenths]) {
        const { top, ticks } = yAxisOf(max, format);
        expect(top).toBeGreaterThanOrEqual(max);
        for (const t of ticks) expect(Number(t.label)).toBeCloseTo(t.value, 9);
        expect(ticks.at(-1)?.value).toBe(top);
      }
    }
  });
});
