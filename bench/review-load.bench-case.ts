// Review loop under load (issue 8): the production build (`next build`, served by `npm start`'s server) on a fresh
// database against a minimal baseline server (node:http + better-sqlite3/pg + ts-fsrs doing the
// same transaction), both measured in this run under the same two loads:
//   closed loop — 64 learners at a time, each sending its next review when the previous one is
//   answered, taken in turn from a pool of 256 (room for 128,000 reviews per server: a learner
//   reaches the deck's 500 a day only above ~3,200 reviews/s with the default durations; a run where
//   one does is flagged);
//   open loop — 500 reviews/s offered, evenly spaced, by 128 other learners (lib/open-loop.ts:
//   latency counted from each review's scheduled send, so a server that falls behind is charged).
// Each load: a warm-up, then STRIDES_BENCH_REPEATS (3) runs of STRIDES_BENCH_SECONDS (10) s each.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchRow, median, spreadPct } from "./bench-row.ts";
import { startBaselineServer } from "./lib/baseline-server.ts";
import { analyzePostgres, type FreshDb, freshPostgresDb, freshSqliteDb } from "./lib/databases.ts";
import { createLoadFixture, type LoadFixture } from "./lib/load-fixture.ts";
import { runOpenLoop } from "./lib/open-loop.ts";
import {
  type LearnerCursor,
  type LoadResult,
  learnerCursors,
  runReviewLoad,
} from "./lib/review-load.ts";
import { ensureWebBuild, startWebServer } from "./lib/web-server.ts";

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export interface ReviewLoadConfig {
  seconds: number;
  warmupSeconds: number;
  repeats: number;
  /** Learners with a request in flight at once in the closed loop (its connections). */
  closedLearners: number;
  /** Learners the closed loop takes in turn (each never has two requests in flight). */
  closedPool: number;
  openLearners: number;
  openRate: number;
  cards: number;
  providers: ("sqlite" | "postgres")[];
}

export function reviewLoadConfig(): ReviewLoadConfig {
  const seconds = num("STRIDES_BENCH_SECONDS", 10);
  return {
    seconds,
    warmupSeconds: num("STRIDES_BENCH_WARMUP_SECONDS", seconds),
    repeats: num("STRIDES_BENCH_REPEATS", 3),
    closedLearners: 64,
    // At least one learner per connection: a learner never has two requests in flight.
    closedPool: Math.max(64, num("STRIDES_BENCH_CLOSED_POOL", 256)),
    openLearners: 128,
    openRate: num("STRIDES_BENCH_OPEN_RATE", 500),
    cards: num("STRIDES_BENCH_CARDS", 1500),
    providers: (process.env.STRIDES_BENCH_DBS ?? "sqlite,postgres")
      .split(",")
      .filter((p): p is "sqlite" | "postgres" => p === "sqlite" || p === "postgres"),
  };
}

/**
 * A learner with no card left answers with an empty queue: the run then measures something else
 * (cheap GETs instead of reviews), so it is flagged here and in the table.
 */
function exhaustedNote(r: LoadResult): string {
  return r.exhausted > 0 ? ` — ${r.exhausted} learners ran out of cards: not comparable` : "";
}

interface Measured {
  closed: LoadResult[];
  open: LoadResult[];
}

async function measure(
  baseUrl: string,
  fixture: LoadFixture,
  c: ReviewLoadConfig,
  log: (s: string) => void,
  settle: () => Promise<void>,
): Promise<Measured> {
  const cursors = learnerCursors(fixture.learners, fixture.cardIds[0]!);
  const closedCursors = cursors.slice(0, c.closedPool);
  const openCursors = cursors.slice(c.closedPool, c.closedPool + c.openLearners);
  const closed = (seconds: number, cs: LearnerCursor[]) =>
    runReviewLoad({
      baseUrl,
      cursors: cs,
      deckId: fixture.deckId,
      seconds,
      connections: c.closedLearners,
    });
  let openRun = 0;
  const open = (seconds: number, cs: LearnerCursor[]) =>
    runOpenLoop({
      baseUrl,
      cursors: cs,
      deckId: fixture.deckId,
      seconds,
      rate: c.openRate,
      tag: `open-${process.pid}-${Date.now()}-${openRun++}`,
    });
  const out: Measured = { closed: [], open: [] };
  await closed(c.warmupSeconds, closedCursors);
  await settle();
  for (let i = 0; i < c.repeats; i++) {
    const r = await closed(c.seconds, closedCursors);
    log(
      `    closed #${i + 1}: ${r.rps.toFixed(0)} reviews/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}${r.sampleError ? ` (${r.sampleError})` : ""}${exhaustedNote(r)}`,
    );
    out.closed.push(r);
  }
  await open(c.warmupSeconds, openCursors);
  await settle();
  for (let i = 0; i < c.repeats; i++) {
    const r = await open(c.seconds, openCursors);
    log(
      `    open #${i + 1}: ${r.rps.toFixed(0)} reviews/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}${r.sampleError ? ` (${r.sampleError})` : ""}${exhaustedNote(r)}`,
    );
    out.open.push(r);
  }
  return out;
}

async function freshDb(provider: "sqlite" | "postgres", template: string | null): Promise<FreshDb> {
  if (provider === "postgres") return freshPostgresDb();
  const dir = mkdtempSync(join(tmpdir(), "strides-load-"));
  const file = join(dir, "strides.db");
  if (template) {
    copyFileSync(template, file);
    for (const ext of ["-wal", "-shm"]) {
      if (existsSync(template + ext)) copyFileSync(template + ext, file + ext);
    }
  }
  return {
    provider,
    url: `file:${file}`,
    file,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const pick = (rs: LoadResult[], f: (r: LoadResult) => number) => median(rs.map(f));

export async function benchReviewLoad(
  config: ReviewLoadConfig = reviewLoadConfig(),
  log: (s: string) => void = console.log,
): Promise<BenchRow[]> {
  ensureWebBuild(log);
  const rows: BenchRow[] = [];
  for (const provider of config.providers) {
    const label = provider === "sqlite" ? "SQLite" : "Postgres";
    const learners = config.closedPool + config.openLearners;
    // SQLite: one fixture, copied fresh for each server. Postgres: one fresh database each.
    let template: FreshDb | null = null;
    let templateFixture: LoadFixture | null = null;
    if (provider === "sqlite") {
      template = await freshSqliteDb();
      templateFixture = await createLoadFixture({
        url: template.url,
        learners,
        cards: config.cards,
        now: new Date(),
      });
    }
    const results: Record<"strides" | "baseline", Measured> = {} as never;
    for (const system of ["baseline", "strides"] as const) {
      const db = await freshDb(provider, template?.file ?? null);
      try {
        const fixture =
          templateFixture ??
          (await createLoadFixture({
            url: db.url,
            learners,
            cards: config.cards,
            now: new Date(),
          }));
        log(`  ${label} ${system}: ${learners} learners × ${config.cards} due cards`);
        const server =
          system === "strides"
            ? await startWebServer({ databaseUrl: db.url })
            : await startBaselineServer(provider, db.url);
        try {
          results[system] = await measure(server.baseUrl, fixture, config, log, () =>
            provider === "postgres" ? analyzePostgres(db.url) : Promise.resolve(),
          );
        } finally {
          await server.stop();
        }
      } finally {
        await db.drop();
      }
    }
    await template?.drop();
    rows.push(...loadRows(label, results.strides, results.baseline, config, provider));
  }
  return rows;
}

function exhaustedRuns(s: Measured, b: Measured): string {
  const n = [...s.closed, ...s.open, ...b.closed, ...b.open].filter((r) => r.exhausted > 0).length;
  return n > 0 ? `; ${n} runs where learners ran out of cards (not comparable)` : "";
}

function loadRows(
  label: string,
  s: Measured,
  b: Measured,
  c: ReviewLoadConfig,
  provider: "sqlite" | "postgres",
): BenchRow[] {
  const factor = provider === "sqlite" ? 0.5 : 0.4;
  const closed = `review loop ${label}, closed ${c.closedLearners}`;
  const open = `review loop ${label}, open ${c.openRate}/s`;
  const sRps = pick(s.closed, (r) => r.rps);
  const bRps = pick(b.closed, (r) => r.rps);
  const errors = s.closed.reduce((n, r) => n + r.errors, 0);
  const openErrors = s.open.reduce((n, r) => n + r.errors, 0);
  const sP99 = pick(s.open, (r) => r.p99);
  const spreadNote = (rs: LoadResult[], f: (r: LoadResult) => number) =>
    `baseline spread ${spreadPct(rs.map(f)).toFixed(1)}%`;
  return [
    {
      measure: `${closed}: throughput`,
      value: sRps,
      unit: "reviews/s",
      baseline: bRps,
      target: `≥ ${factor}× baseline`,
      met: sRps >= factor * bRps,
      spreadPct: spreadPct(s.closed.map((r) => r.rps)),
      note: `${spreadNote(b.closed, (r) => r.rps)}${exhaustedRuns(s, b)}`,
    },
    {
      measure: `${closed}: p50`,
      value: pick(s.closed, (r) => r.p50),
      unit: "ms",
      baseline: pick(b.closed, (r) => r.p50),
      spreadPct: spreadPct(s.closed.map((r) => r.p50)),
    },
    {
      measure: `${closed}: p99`,
      value: pick(s.closed, (r) => r.p99),
      unit: "ms",
      baseline: pick(b.closed, (r) => r.p99),
      spreadPct: spreadPct(s.closed.map((r) => r.p99)),
    },
    {
      measure: `${closed}: errors`,
      value: errors,
      unit: "responses",
      baseline: b.closed.reduce((n, r) => n + r.errors, 0),
      target: "0",
      met: errors === 0,
      ...(s.closed.find((r) => r.sampleError)
        ? { note: s.closed.find((r) => r.sampleError)?.sampleError }
        : {}),
    },
    {
      measure: `${open}: achieved`,
      value: pick(s.open, (r) => r.rps),
      unit: "reviews/s",
      baseline: pick(b.open, (r) => r.rps),
      spreadPct: spreadPct(s.open.map((r) => r.rps)),
    },
    {
      measure: `${open}: p50`,
      value: pick(s.open, (r) => r.p50),
      unit: "ms",
      baseline: pick(b.open, (r) => r.p50),
      spreadPct: spreadPct(s.open.map((r) => r.p50)),
    },
    {
      measure: `${open}: p99`,
      value: sP99,
      unit: "ms",
      baseline: pick(b.open, (r) => r.p99),
      target: "≤ 30 ms",
      met: sP99 <= 30 && openErrors === 0,
      spreadPct: spreadPct(s.open.map((r) => r.p99)),
      note: `${openErrors} errors; ${spreadNote(b.open, (r) => r.p99)}`,
    },
  ];
}
