import { describe, expect, it } from "vitest";
import { formatIntervalLabel } from "./interval-label.ts";

const MIN = 60_000;
const DAY = 1440 * MIN;

describe("interval labels", () => {
  it("are Korean on Korean pages", () => {
    expect(formatIntervalLabel(MIN, "ko")).toBe("1분");
    expect(formatIntervalLabel(10 * MIN, "ko")).toBe("10분");
    expect(formatIntervalLabel(3 * 60 * MIN, "ko")).toBe("3시간");
    expect(formatIntervalLabel(2 * DAY, "ko")).toBe("2일");
    expect(formatIntervalLabel(63 * DAY, "ko")).toBe("2.1개월");
    expect(formatIntervalLabel(548 * DAY, "ko")).toBe("1.5년");
  });
  it("stay short in English, months not read as minutes", () => {
    expect(formatIntervalLabel(10 * MIN, "en")).toBe("10m");
    expect(formatIntervalLabel(2 * DAY, "en")).toBe("2d");
    expect(formatIntervalLabel(63 * DAY, "en")).toMatch(/^2\.1 mths?$/);
  });
});
