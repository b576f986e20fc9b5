// The bench suites, in the order they run. Each suite's cases live next to the code they measure.
import { benchCnn } from "@strides/content/cnn/cnn.bench-case";
import { benchNotes } from "@strides/content/notes/notes.bench-case";
import type { BenchSuite } from "./bench-row.ts";
import { benchReviewLoad } from "./review-load.bench-case.ts";

export const suites: BenchSuite[] = [
  { name: "notes", run: () => benchNotes() },
  { name: "cnn", run: () => benchCnn() },
  { name: "review-load", run: () => benchReviewLoad() },
];
