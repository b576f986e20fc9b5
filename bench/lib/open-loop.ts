// Open-loop load: reviews arrive at a constant rate whatever the server does, the way a group's
// morning peak arrives, and each latency is counted from the moment its review was due to be sent
// (no coordinated omission: a slow server is charged for the requests it made wait).
//
// Why not autocannon's `overallRate`: its clients reset a per-second budget every 1,000 ms
// (httpClient.js, `reqsMadeThisSecond`), so "500/s" arrives as a burst of 500 at the start of each
// second, and its latency is counted from the actual send. That measures the drain time of a burst
// (the bare baseline shows p50 27 ms, p99 150 ms under it), not the latency of a steady 500/s.
// The closed loop keeps using autocannon.
import { appendFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { percentile } from "../bench-row.ts";
import type { LearnerCursor, LoadResult } from "./review-load.ts";
import { ratingFor } from "./review-load.ts";

export interface OpenLoopOptions {
  baseUrl: string;
  cursors: LearnerCursor[];
  deckId: string;
  /** Reviews per second offered, evenly spaced. */
  rate: number;
  seconds: number;
  /** Prefix of request ids (unique per run). */
  tag: string;
}

interface Response {
  status: number;
  body: string;
}

function send(
  agent: Agent,
  url: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout after 10 s")));
    req.on("error", reject);
    req.end(body);
  });
}

const MAX_WAIT_MS = 10_000;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * STRIDES_BENCH_TIMELINE=<file>: each run appends a line { tag, start (epoch ms), reviews: [due
 * (ms since start), latency (ms)][] }, to line a run's slow reviews up with what else happened then
 * (bench/timeline.ts).
 */
function writeTimeline(tag: string, start: number, reviews: [number, number][]): void {
  const file = process.env.STRIDES_BENCH_TIMELINE;
  if (!file) return;
  const rows = reviews.map(([due, latency]) => [round1(due), round1(latency)]);
  appendFileSync(file, `${JSON.stringify({ tag, start: Math.round(start), reviews: rows })}\n`);
}

/**
 * Sends one review every 1/rate seconds for `seconds`, each by an idle learner (a learner never
 * has two reviews in flight; when none is idle the review waits for one, and its wait counts).
 */
export async function runOpenLoop(o: OpenLoopOptions): Promise<LoadResult> {
  const url = new URL(o.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: o.cursors.length });
  const idle = [...o.cursors];
  const waiting: (() => void)[] = [];
  const latencies: number[] = [];
  // Each review's time due (ms since the run's start) and latency, for STRIDES_BENCH_TIMELINE.
  const timeline: [number, number][] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let sampleError: string | undefined;
  const exhausted = new Set<string>();
  const total = Math.round(o.rate * o.seconds);
  const interval = 1000 / o.rate;
  // A review that cannot be sent within MAX_WAIT_MS of its time (every learner still waiting for an
  // answer) is given up and counted as an error with that latency, so a server far below the rate
  // ends the run in bounded time instead of draining an ever longer queue.
  const takeLearner = async (intended: number): Promise<LearnerCursor | null> => {
    for (;;) {
      const c = idle.shift();
      if (c) return c;
      const left = intended + MAX_WAIT_MS - performance.now();
      if (left <= 0) return null;
      await new Promise<void>((r) => {
        const wake = () => {
          clearTimeout(timer);
          r();
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(wake), 1);
          r();
        }, left);
        waiting.push(wake);
      });
    }
  };
  const start = performance.now() + 5;
  const giveBack = (c: LearnerCursor) => {
    idle.push(c);
    waiting.shift()?.();
  };

  const record = (intended: number) => {
    const latency = performance.now() - intended;
    latencies.push(latency);
    timeline.push([intended - start, latency]);
  };
  const one = async (i: number, intended: number) => {
    const cursor = await takeLearner(intended);
    if (!cursor) {
      errors++;
      record(intended);
      sampleError ??= `review ${i} not sent within ${MAX_WAIT_MS / 1000} s: every learner waits for an answer`;
      return;
    }
    const headers = {
      authorization: `Bearer ${cursor.learner.token}`,
      "content-type": "application/json",
    };
    try {
      // A learner without a current card asks for it first (not a review; not timed).
      if (!cursor.cardId) {
        const r = await send(
          agent,
          url,
          "GET",
          `/api/v1/review/next?deck=${encodeURIComponent(o.deckId)}`,
          headers,
          "",
        );
        const json = JSON.parse(r.body) as { card?: { id?: string } | null };
        cursor.cardId = json.card?.id ?? null;
        if (!cursor.cardId) {
          exhausted.add(cursor.learner.userId);
          return;
        }
      }
      const n = cursor.sent++;
      const r = await send(
        agent,
        url,
        "POST",
        "/api/v1/reviews",
        headers,
        JSON.stringify({
          requestId: `${o.tag}-${cursor.learner.userId}-${n}`,
          cardId: cursor.cardId,
          rating: ratingFor(n),
          durationMs: 4000 + (n % 7) * 1000,
          deck: o.deckId,
        }),
      );
      record(intended);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 200 && r.status < 300) {
        ok++;
        const json = JSON.parse(r.body) as { next?: { card?: { id?: string } | null } };
        cursor.cardId = json.next?.card?.id ?? null;
      } else {
        errors++;
        if (r.status === 409) cursor.cardId = null;
        sampleError ??= `${r.status}: ${r.body.slice(0, 300)}`;
      }
    } catch (e) {
      errors++;
      record(intended);
      sampleError ??= `request ${i}: ${(e as Error).message}`;
    } finally {
      giveBack(cursor);
    }
  };

  const pending: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        pending.push(one(next, start + next * interval));
        next++;
      }
      if (next >= total) done();
      else setTimeout(tick, Math.max(0, Math.min(1, start + next * interval - now)));
    };
    tick();
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  writeTimeline(o.tag, performance.timeOrigin + start, timeline);
  latencies.sort((a, b) => a - b);
  return {
    seconds: o.seconds,
    requests: latencies.length,
    // Achieved: reviews answered per second until the last answer (below the rate when the
    // server falls behind).
    rps: ok / Math.max(o.seconds, elapsed),
    p50: round1(percentile(latencies, 0.5)),
    p90: round1(percentile(latencies, 0.9)),
    p99: round1(percentile(latencies, 0.99)),
    max: round1(latencies.at(-1) ?? Number.NaN),
    errors,
    statuses,
    exhausted: exhausted.size,
    ...(sampleError ? { sampleError } : {}),
  };
}
