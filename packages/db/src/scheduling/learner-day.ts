// The learner's day: it starts at `dayStartHour` (Anki's default is 4 a.m.) in the learner's IANA
// time zone, so a review at 03:59 local belongs to the previous day. Pure functions over Intl; no clock.
import { AppError } from "@strides/content";

export interface LearnerDayOptions {
  timeZone: string;
  /** 0–23, the local hour at which a new day starts. */
  dayStartHour: number;
}

/**
 * A learner's day when they never set one: UTC, starting at 4 a.m. (the schema's column defaults).
 * `learnerDayOf` fills in whatever a settings row leaves out.
 */
export const DEFAULT_LEARNER_DAY: Readonly<LearnerDayOptions> = {
  timeZone: "UTC",
  dayStartHour: 4,
};

export function learnerDayOf(
  settings: { timeZone?: string | null; dayStartHour?: number | null } | null | undefined,
): LearnerDayOptions {
  return {
    timeZone: settings?.timeZone ?? DEFAULT_LEARNER_DAY.timeZone,
    dayStartHour: settings?.dayStartHour ?? DEFAULT_LEARNER_DAY.dayStartHour,
  };
}

export interface LearnerDay {
  /** The learner's calendar date of this day, "YYYY-MM-DD". */
  key: string;
  /** Days since 1970-01-01 of `key` (for FSRS elapsed days). */
  dayNumber: number;
  /** First instant of the day. */
  start: Date;
  /** First instant of the next day (exclusive end). */
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch (cause) {
      throw new AppError("BAD_INPUT", `unknown time zone "${timeZone}"`, {
        cause,
        field: "timeZone",
      });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (Seoul: +9 h). */
export function timeZoneOffsetMs(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which the local wall-clock time y-m-d h:00 occurs in `timeZone`: the earlier one
 * when it occurs twice (autumn), the first instant after the gap when it does not occur (spring).
 */
export function zonedHourToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const t1 = wall - timeZoneOffsetMs(wall, timeZone);
  const t2 = wall - timeZoneOffsetMs(t1, timeZone);
  const maps = (t: number) => t + timeZoneOffsetMs(t, timeZone) === wall;
  const exact = [t1, t2].filter(maps);
  if (exact.length > 0) return new Date(Math.min(...exact));
  return new Date(Math.max(t1, t2));
}

function checkHour(dayStartHour: number) {
  if (!Number.isInteger(dayStartHour) || dayStartHour < 0 || dayStartHour > 23) {
    throw new AppError("BAD_INPUT", "dayStartHour must be an integer from 0 to 23", {
      field: "dayStartHour",
    });
  }
}

/**
 * The last day computed per time zone and start hour. Days partition time (a day ends where the
 * next starts), so an instant inside a cached day's [start, end) belongs to that day: the cache
 * returns exactly what the computation would, skipping Intl's formatToParts (~10 µs per call).
 */
const lastDays = new Map<string, LearnerDay>();

/** The learner's day containing `now`. */
export function learnerDay(now: Date, options: LearnerDayOptions): LearnerDay {
  checkHour(options.dayStartHour);
  const key = `${options.timeZone}|${options.dayStartHour}`;
  const t = now.getTime();
  const cached = lastDays.get(key);
  if (cached && t >= cached.start.getTime() && t < cached.end.getTime()) {
    return { ...cached, start: new Date(cached.start), end: new Date(cached.end) };
  }
  const day = computeLearnerDay(now, options);
  if (lastDays.size > 1000) lastDays.clear();
  lastDays.set(key, { ...day, start: new Date(day.start), end: new Date(day.end) });
  return day;
}

/** learnerDay without the cache (what the cache must agree with). */
export function computeLearnerDay(now: Date, options: LearnerDayOptions): LearnerDay {
  const p = localParts(now.getTime(), options.timeZone);
  // Calendar date of the learner's day: before the start hour it is still yesterday.
  const base =
    Date.UTC(p.year, p.month - 1, p.day) - (p.hour < options.dayStartHour ? 86_400_000 : 0);
  const d = new Date(base);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const next = new Date(base + 86_400_000);
  return {
    key: `${y}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`,
    dayNumber: Math.round(base / 86_400_000),
    start: zonedHourToInstant(y, m, dd, options.dayStartHour, options.timeZone),
    end: zonedHourToInstant(
      next.getUTCFullYear(),
      next.getUTCMonth() + 1,
      next.getUTCDate(),
      options.dayStartHour,
      options.timeZone,
    ),
  };
}

/** Whole learner days between two instants (b − a), counted on learner-day boundaries. */
export function learnerDaysBetween(a: Date, b: Date, options: LearnerDayOptions): number {
  return learnerDay(b, options).dayNumber - learnerDay(a, options).dayNumber;
}

/** From `fromMs` on (until the next segment), an instant's learner day is ⌊(t + shiftMs) / 1 day⌋. */
export interface LearnerDaySegment {
  fromMs: number;
  /** The zone's UTC offset then, less the day-start hour. */
  shiftMs: number;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * The learner's days over [fromMs, toMs] as a few segments of constant UTC offset, so that many
 * instants (a year of statistics, every card's due date) get their day by arithmetic, or in SQL,
 * instead of by Intl's formatToParts each (~100 µs per day not cached). The offset is sampled every
 * week and each change found to the second by bisection: a zone that changed its offset and back
 * within one week would be missed (none does in the time-zone database's current rules).
 */
export function learnerDaySegments(
  fromMs: number,
  toMs: number,
  options: LearnerDayOptions,
): LearnerDaySegment[] {
  checkHour(options.dayStartHour);
  const startMs = options.dayStartHour * 3_600_000;
  const offset = (ms: number) => timeZoneOffsetMs(ms, options.timeZone);
  const segments: LearnerDaySegment[] = [{ fromMs, shiftMs: offset(fromMs) - startMs }];
  let a = fromMs;
  let offA = offset(a);
  while (a < toMs) {
    const b = Math.min(a + WEEK_MS, toMs);
    const offB = offset(b);
    if (offB !== offA) {
      // The first second at which the offset is offB: (lo, hi] holds it.
      let lo = a;
      let hi = b;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (mid <= lo) break;
        if (offset(mid) === offA) lo = mid;
        else hi = mid;
      }
      segments.push({ fromMs: hi, shiftMs: offB - startMs });
    }
    a = b;
    offA = offB;
  }
  return segments;
}

/** The learner-day number (days since 1970-01-01 of its date) of `ms`, given segments over it. */
export function dayNumberIn(segments: readonly LearnerDaySegment[], ms: number): number {
  let shift = segments[0]?.shiftMs ?? 0;
  for (const s of segments) {
    if (s.fromMs > ms) break;
    shift = s.shiftMs;
  }
  return Math.floor((ms + shift) / 86_400_000);
}

/** The "YYYY-MM-DD" key of a learner-day number. */
export function dayNumberKey(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}
