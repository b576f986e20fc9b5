// The bench suites, in the order they run. Each suite's cases live next to the code they measure.
import { benchCnn, benchNotes } from "@strides/content/bench";
import { benchOptimiser, benchQueue } from "@strides/db/bench";
import { benchWeb } from "../apps/web/bench/web.bench-case.ts";
import type { BenchSuite } from "./bench-row.ts";
import { benchInstructor } from "./instructor.bench-case.ts";
import { withDemoServer } from "./lib/demo-server.ts";
import { benchOffline } from "./offline.bench-case.ts";
import { benchReviewLoad } from "./review-load.bench-case.ts";

export const suites: BenchSuite[] = [
  { name: "notes", run: () => benchNotes() },
  { name: "cnn", run: () => benchCnn() },
  { name: "queue", run: () => benchQueue() },
  { name: "optimiser", run: () => benchOptimiser() },
  {
    name: "web",
    run: () =>
      withDemoServer((baseUrl, demo) => benchWeb({ baseUrl, learnerPassword: demo.password })),
  },
  { name: "offline", run: () => benchOffline() },
  { name: "review-load", run: () => benchReviewLoad() },
  { name: "instructor", run: () => benchInstructor() },
];
