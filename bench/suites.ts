// The bench suites, in the order they run. Each suite's cases live next to the code they measure.
import type { BenchSuite } from "./bench-row.ts";

export const suites: BenchSuite[] = [];
