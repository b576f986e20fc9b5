import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeLearnerDay,
  DEFAULT_LEARNER_DAY,
  dayNumberIn,
  dayNumberKey,
  learnerDay,
  learnerDayOf,
  learnerDaySegments,
  learnerDaysBetween,
  timeZoneOffsetMs,
} from "./learner-day.ts";

describe("learnerDay", () => {
  const seoul = { timeZone: "Asia/Seoul", dayStartHour: 4 };

  it("puts 03:59 local in Seoul on the previous day and 04:00 on the new one", () => {
    // 2026-03-10 03:59 KST = 2026-03-09 18:59 UTC
    const before = learnerDay(new Date("2026-03-09T18:59:00Z"), seoul);
    const after = learnerDay(new Date("2026-03-09T19:00:00Z"), seoul);
    expect(before.key).toBe("2026-03-09");
    expect(after.key).toBe("2026-03-10");
    expect(before.end.toISOString()).toBe("2026-03-09T19:00:00.000Z");
    expect(after.start.toISOString()).toBe("2026-03-09T19:00:00.000Z");
    expect(after.end.getTime() - after.start.getTime()).toBe(86_400_000);
  });

  it("has 23-hour and 25-hour days across New York's DST changes", () => {
    const ny = { timeZone: "America/New_York", dayStartHour: 4 };
    // 2026-03-08 02:00: clocks go to 03:00, inside the learner day of March 7.
    const spring = learnerDay(new Date("2026-03-07T12:00:00Z"), ny);
    expect(spring.key).toBe("2026-03-07");
    expect(spring.start.toISOString()).toBe("2026-03-07T09:00:00.000Z"); // 04:00 EST
    expect(spring.end.toISOString()).toBe("2026-03-08T08:00:00.000Z"); // 04:00 EDT
    // 2026-11-01 02:00: clocks go back to 01:00, inside the learner day of October 31.
    const autumn = learnerDay(new Date("2026-10-31T12:00:00Z"), ny);
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it("handles a day start inside the spring-forward gap", () => {
    const ny = { timeZone: "America/New_York", dayStartHour: 2 };
    const d = learnerDay(new Date("2026-03-08T12:00:00Z"), ny);
    // 02:00 does not exist on 2026-03-08; the day starts at 03:00 EDT = 07:00 UTC.
    expect(d.start.toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });

  it("uses the previous calendar date before the start hour, at midnight start too", () => {
    const utc0 = { timeZone: "UTC", dayStartHour: 0 };
    expect(learnerDay(new Date("2026-01-01T00:00:00Z"), utc0).key).toBe("2026-01-01");
    expect(learnerDay(new Date("2025-12-31T23:59:59Z"), utc0).key).toBe("2025-12-31");
  });

  it("counts learner days between two instants", () => {
    const a = new Date("2026-03-09T18:59:00Z"); // 03:59 KST on the 10th → day of the 9th
    const b = new Date("2026-03-09T19:01:00Z"); // 04:01 KST → day of the 10th
    expect(learnerDaysBetween(a, b, seoul)).toBe(1);
  });

  it("computes offsets", () => {
    expect(timeZoneOffsetMs(Date.parse("2026-01-01T00:00:00Z"), "Asia/Seoul")).toBe(9 * 3_600_000);
    expect(timeZoneOffsetMs(Date.parse("2026-07-01T00:00:00Z"), "America/New_York")).toBe(
      -4 * 3_600_000,
    );
  });

  it("rejects unknown zones and bad hours", () => {
    expect(() => learnerDay(new Date(0), { timeZone: "Mars/Olympus", dayStartHour: 4 })).toThrow(
      /unknown time zone/,
    );
    expect(() => learnerDay(new Date(0), { timeZone: "UTC", dayStartHour: 24 })).toThrow(
      /dayStartHour/,
    );
  });

  it("answers from its cache exactly what the computation gives, across DST changes", () => {
    const zones = ["America/New_York", "Asia/Seoul", "Australia/Lord_Howe", "Europe/London", "UTC"];
    // Instants around 2026's DST changes, visited in random order and in time order.
    const from = Date.UTC(2026, 2, 1);
    const to = Date.UTC(2026, 10, 30);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: from, max: to }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (instants, timeZone, dayStartHour) => {
          for (const list of [instants, [...instants].sort((a, b) => a - b)]) {
            for (const ms of list) {
              for (const t of [ms, ms + 60_000, ms + 3_600_000]) {
                const now = new Date(t);
                expect(learnerDay(now, { timeZone, dayStartHour })).toEqual(
                  computeLearnerDay(now, { timeZone, dayStartHour }),
                );
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("learnerDaySegments", () => {
  const zones = [
    "UTC",
    "Asia/Seoul",
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe", // half-hour DST
    "America/Santiago", // southern-hemisphere DST
    "Africa/Casablanca", // a month without DST each Ramadan
    "Asia/Kathmandu", // +5:45
  ];

  it("gives every instant of the span the day computeLearnerDay gives it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (timeZone, dayStartHour, from, span, at) => {
          const options = { timeZone, dayStartHour };
          const segments = learnerDaySegments(from, from + span, options);
          for (const x of at) {
            const ms = from + Math.floor(x * span);
            const day = computeLearnerDay(new Date(ms), options);
            expect(dayNumberIn(segments, ms)).toBe(day.dayNumber);
            expect(dayNumberKey(day.dayNumber)).toBe(day.key);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cuts New York's year at its two changes, to the second", () => {
    const ny = { timeZone: "America/New_York", dayStartHour: 4 };
    const segments = learnerDaySegments(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), ny);
    expect(segments.map((s) => [new Date(s.fromMs).toISOString(), s.shiftMs / 3_600_000])).toEqual([
      ["2026-01-01T00:00:00.000Z", -5 - 4],
      ["2026-03-08T07:00:00.000Z", -4 - 4],
      ["2026-11-01T06:00:00.000Z", -5 - 4],
    ]);
    // Around each change: the last second before it and the change itself.
    for (const ms of [
      Date.UTC(2026, 2, 8, 7) - 1000,
      Date.UTC(2026, 2, 8, 7),
      Date.UTC(2026, 10, 1, 6),
    ]) {
      expect(dayNumberIn(segments, ms)).toBe(computeLearnerDay(new Date(ms), ny).dayNumber);
    }
  });
});

describe("learnerDayOf", () => {
  it("fills what a settings row leaves out with the schema's defaults", () => {
    expect(learnerDayOf(null)).toEqual(DEFAULT_LEARNER_DAY);
    expect(learnerDayOf({ timeZone: "Asia/Seoul" })).toEqual({
      timeZone: "Asia/Seoul",
      dayStartHour: DEFAULT_LEARNER_DAY.dayStartHour,
    });
    expect(learnerDayOf({ timeZone: null, dayStartHour: 0 })).toEqual({
      timeZone: "UTC",
      dayStartHour: 0,
    });
  });
});
