// `node --import tsx bench/timeline.ts FILE [threshold-ms]`: the review runs a bench recorded with
// STRIDES_BENCH_TIMELINE=FILE (bench/lib/open-loop.ts), each with its p50, p99 and the windows in
// which reviews were slow: at least 5 reviews over the threshold (default: 3× the run's p50, at
// least 40 ms) due within 150 ms of one another. A p99 made by a few such windows, in which every
// review waits, is a stall of the machine or the server; a p99 spread over the run is a queue.
import { readFileSync } from "node:fs";
import { percentile } from "./bench-row.ts";

export interface TimelineRun {
  tag: string;
  /** Epoch ms of the run's first review due. */
  start: number;
  /** [due (ms since start), latency (ms)] per review. */
  reviews: [number, number][];
}

export interface SlowWindow {
  from: number;
  to: number;
  reviews: number;
  maxMs: number;
}

/** The run's windows of slow reviews (see the file's comment), in order of time. */
export function slowWindows(run: TimelineRun, thresholdMs: number, gapMs = 150): SlowWindow[] {
  const slow = run.reviews.filter(([, ms]) => ms > thresholdMs).sort((a, b) => a[0] - b[0]);
  const windows: SlowWindow[] = [];
  for (const [due, ms] of slow) {
    const last = windows.at(-1);
    if (last && due - last.to <= gapMs) {
      last.to = due;
      last.reviews++;
      last.maxMs = Math.max(last.maxMs, ms);
    } else {
      windows.push({ from: due, to: due, reviews: 1, maxMs: ms });
    }
  }
  return windows.filter((w) => w.reviews >= 5);
}

export function summarizeTimeline(runs: TimelineRun[], threshold?: number): string {
  const lines: string[] = [];
  for (const run of runs) {
    const sorted = run.reviews.map(([, ms]) => ms).sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5);
    const limit = threshold ?? Math.max(40, 3 * p50);
    const windows = slowWindows(run, limit);
    const at = new Date(run.start).toISOString().slice(11, 23);
    lines.push(
      `${run.tag} (${at}, ${sorted.length} reviews): p50 ${p50} ms, p99 ${percentile(sorted, 0.99)} ms, max ${sorted.at(-1)} ms; ${windows.length} windows over ${limit.toFixed(0)} ms`,
    );
    for (const w of windows) {
      lines.push(
        `  ${w.from.toFixed(0)}–${w.to.toFixed(0)} ms: ${w.reviews} reviews, slowest ${w.maxMs} ms`,
      );
    }
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, threshold] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node --import tsx bench/timeline.ts FILE [threshold-ms]");
    process.exit(2);
  }
  const runs = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as TimelineRun);
  console.log(summarizeTimeline(runs, threshold ? Number(threshold) : undefined));
}
