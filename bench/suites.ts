// The bench suites, in the order they run. Each suite's cases live next to the code they measure.
import type { BenchSuite } from "./bench-row.ts";
import { benchReviewLoad } from "./review-load.bench-case.ts";

export const suites: BenchSuite[] = [{ name: "review-load", run: () => benchReviewLoad() }];
