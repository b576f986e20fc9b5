// Bench cases run by `npm run bench` (bench/suites.ts).

/** Prisma.sql and friends, for bench scripts that rewrite statements (explain-dashboard.ts). */
export { Prisma } from "./generated/sqlite/client.ts";
export {
  type BenchQueueOptions,
  benchOptimiser,
  benchQueue,
  type ReviewBenchRow,
} from "./review/review.bench-case.ts";
export { registerSqlReadRunner, sqlRunnerOf } from "./sql-runner.ts";
