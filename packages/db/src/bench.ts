// Bench cases run by `npm run bench` (bench/suites.ts).
export {
  type BenchQueueOptions,
  benchOptimiser,
  benchQueue,
  type ReviewBenchRow,
} from "./review/review.bench-case.ts";
