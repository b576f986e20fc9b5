// Statistics of a learner's reviews and schedules.
export { type HistogramBin, histogram } from "./bucket-memory.ts";
export { countDueToday, type DueToday } from "./count-due-today.ts";
export { addDays, dayRange, weekKeyOf } from "./day-keys.ts";
export { type ForecastDay, getDueForecast } from "./get-due-forecast.ts";
export { getMemoryDistribution, type MemoryDistribution } from "./get-memory-distribution.ts";
export { getNextDue } from "./get-next-due.ts";
export { getReviewStats } from "./get-review-stats.ts";
export { loadLearnerDay } from "./load-learner-day.ts";
export {
  computeStreak,
  type DayActivity,
  type DayAggregate,
  type RetentionBucket,
  type ReviewLogSummary,
  type StatsLog,
  summarizeReviewDays,
  summarizeReviewLogs,
} from "./summarize-review-logs.ts";
