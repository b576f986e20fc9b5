// The bench suites, in the order they run. Each suite's cases live next to the code they measure.
import { benchCnn } from "@strides/content/cnn/cnn.bench-case";
import { benchNotes } from "@strides/content/notes/notes.bench-case";
import { benchOptimiser, benchQueue } from "@strides/db/review/review.bench-case";
import { benchWeb } from "../apps/web/bench/web.bench-case.ts";
import type { BenchSuite } from "./bench-row.ts";
import { benchInstructor } from "./instructor.bench-case.ts";
import { withDemoServer } from "./lib/demo-server.ts";
import { benchReviewLoad } from "./review-load.bench-case.ts";

export const suites: BenchSuite[] = [
  { name: "notes", run: () => benchNotes() },
  { name: "cnn", run: () => benchCnn() },
  { name: "queue", run: () => benchQueue() },
  { name: "optimiser", run: () => benchOptimiser() },
  { name: "web", run: () => withDemoServer((baseUrl) => benchWeb({ baseUrl })) },
  { name: "review-load", run: () => benchReviewLoad() },
  { name: "instructor", run: () => benchInstructor() },
];
