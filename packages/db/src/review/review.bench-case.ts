// Bench cases of the review service (wired into `npm run bench`):
// - benchQueue: the next-card query for one learner with 100k cards and a small vs a large review
//   log (STRIDES_BENCH_SCALE=full: 1M vs 10M logs; default quick: 100k vs 1M), on SQLite and
//   Postgres. Data is generated with bulk SQL inside the database (recursive CTE / generate_series).
// - benchOptimiser: fsrs-rs on the public 12,580-review log: time, log loss and RMSE(bins) of the
//   default vs the fitted parameters.
import Database from "better-sqlite3";
import pg from "pg";
import { evaluateFsrsOutOfSample, fitFsrs } from "../scheduling/fsrs-optimizer.ts";
import { createTestDb, type TestDbKind } from "../testing/test-db.ts";
import { buildReviewQueue } from "./build-review-queue.ts";
import { getNextCard } from "./get-next-card.ts";
import { loadPublicReviewLog } from "./public-review-log.ts";

export interface ReviewBenchRow {
  measure: string;
  value: number;
  unit: string;
  baseline?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchQueueOptions {
  providers?: TestDbKind[];
  cards?: number;
  /** Small and large review-log sizes. */
  logs?: [number, number];
  iterations?: number;
}

const NOW = new Date("2026-06-15T15:00:00Z");

function scaleFromEnv(): [number, number] {
  return process.env.STRIDES_BENCH_SCALE === "full"
    ? [1_000_000, 10_000_000]
    : [100_000, 1_000_000];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

const USER = "bench-learner";
const DECK = "bench-deck";

/** Rows shared by both databases: a learner in a group subscribing to one deck. */
const BASE_SQL = [
  `INSERT INTO "user" (id, name, email, "emailVerified", role, "createdAt", "updatedAt") VALUES ('${USER}', 'bench', 'bench@example.test', false, 'user', $NOW, $NOW)`,
  `INSERT INTO "LearnerSettings" ("userId", "timeZone", "dayStartHour", theme, overrides, "updatedAt") VALUES ('${USER}', 'Asia/Seoul', 4, 'system', '{}', $NOW)`,
  `INSERT INTO "Group" (id, name, slug, "createdAt") VALUES ('bench-group', 'bench', 'bench', $NOW)`,
  `INSERT INTO "Membership" ("groupId", "userId", role, "createdAt") VALUES ('bench-group', '${USER}', 'member', $NOW)`,
  `INSERT INTO "Deck" (id, slug, name, description, "createdAt", "updatedAt") VALUES ('${DECK}', 'bench', 'bench', '', $NOW, $NOW)`,
  `INSERT INTO "GroupDeck" ("groupId", "deckId", "createdAt") VALUES ('bench-group', '${DECK}', $NOW)`,
];

interface Sizes {
  cards: number;
  studied: number;
}

async function generateSqlite(
  path: string,
  s: Sizes,
  logsFrom: number,
  logsTo: number,
  base: boolean,
) {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const ts = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%f+00:00', ${expr}, 'unixepoch')`;
  const nowS = NOW.getTime() / 1000;
  const now = ts(String(nowS));
  const seq = (n: number, from = 0) =>
    `WITH RECURSIVE s(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1})`;
  if (base) {
    for (const q of BASE_SQL) db.exec(q.replaceAll("$NOW", now).replaceAll("false", "0"));
    db.exec(`${seq(s.cards)} INSERT INTO "Card" (id, "deckId", key, kind, version, "contentHash", content, "searchText", tags, context, "siblingKey", position, "createdAt", "updatedAt")
      SELECT 'c' || i, '${DECK}', 'k' || i, 'basic', 1, 'h', '{"front":"q","back":"a"}', '', '', '', 'n' || i, i, ${now}, ${now} FROM s`);
    // Studied cards: 1% learning (due around now), the rest reviews due from 10 days ago to 50 days ahead.
    db.exec(`${seq(s.studied)} INSERT INTO "CardState" ("userId", "cardId", "deckId", state, due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, "lastReview", suspended, leech, "createdAt", "updatedAt")
      SELECT '${USER}', 'c' || i, '${DECK}', CASE WHEN i % 100 = 0 THEN 1 ELSE 2 END,
        ${ts(`${nowS} + ((i * 7919) % 60 - 10) * 86400`)}, 5 + (i % 50), 5, 3, 10, 0, 10, i % 3, ${ts(`${nowS} - 10 * 86400`)}, 0, 0, ${now}, ${now} FROM s`);
    db.exec(
      `INSERT INTO "LearnerDeckProgress" ("userId", "deckId", "newCursor", "updatedAt") VALUES ('${USER}', '${DECK}', ${s.studied}, ${now})`,
    );
  }
  const span = 730 * 86400;
  const total = logsTo - logsFrom;
  db.exec(`${seq(logsTo, logsFrom)} INSERT INTO "ReviewLog" (id, "userId", "cardId", "deckId", "requestId", rating, "reviewedAt", "stateBefore", "stateAfter", "dueAfter", "stabilityBefore", stability, "difficultyBefore", difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "durationMs")
    SELECT 'l' || i, '${USER}', 'c' || (i % ${s.studied}), '${DECK}', 'r' || i, 1 + (i % 4 != 0) * 2, ${ts(`${nowS} - 2 * 86400 - ${span} + (i * ${span}.0 / ${Math.max(total, logsTo)})`)}, 2, 2, ${now}, 3, 4, 5, 5, 3, 3, 5, 0, 4000 FROM s`);
  db.exec("ANALYZE");
  db.close();
}

async function generatePostgres(
  url: string,
  s: Sizes,
  logsFrom: number,
  logsTo: number,
  base: boolean,
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const now = `'${NOW.toISOString()}'::timestamp`;
    if (base) {
      for (const q of BASE_SQL) await c.query(q.replaceAll("$NOW", now));
      await c.query(`INSERT INTO "Card" (id, "deckId", key, kind, version, "contentHash", content, "searchText", tags, context, "siblingKey", position, "createdAt", "updatedAt")
        SELECT 'c' || i, '${DECK}', 'k' || i, 'basic', 1, 'h', '{"front":"q","back":"a"}', '', '', '', 'n' || i, i, ${now}, ${now} FROM generate_series(0, ${s.cards - 1}) i`);
      await c.query(`INSERT INTO "CardState" ("userId", "cardId", "deckId", state, due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, "lastReview", suspended, leech, "createdAt", "updatedAt")
        SELECT '${USER}', 'c' || i, '${DECK}', CASE WHEN i % 100 = 0 THEN 1 ELSE 2 END,
          ${now} + (((i::bigint * 7919) % 60) - 10) * interval '1 day', 5 + (i % 50), 5, 3, 10, 0, 10, i % 3, ${now} - interval '10 days', false, false, ${now}, ${now}
        FROM generate_series(0, ${s.studied - 1}) i`);
      await c.query(
        `INSERT INTO "LearnerDeckProgress" ("userId", "deckId", "newCursor", "updatedAt") VALUES ('${USER}', '${DECK}', ${s.studied}, ${now})`,
      );
    }
    const span = 730 * 86400;
    await c.query(`INSERT INTO "ReviewLog" (id, "userId", "cardId", "deckId", "requestId", rating, "reviewedAt", "stateBefore", "stateAfter", "dueAfter", "stabilityBefore", stability, "difficultyBefore", difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "durationMs")
      SELECT 'l' || i, '${USER}', 'c' || (i % ${s.studied}), '${DECK}', 'r' || i, CASE WHEN i % 4 = 0 THEN 1 ELSE 3 END,
        ${now} - interval '2 days' - interval '${span} seconds' + (i * ${span}.0 / ${logsTo}) * interval '1 second', 2, 2, ${now}, 3, 4, 5, 5, 3, 3, 5, 0, 4000
      FROM generate_series(${logsFrom}, ${logsTo - 1}) i`);
    await c.query("ANALYZE");
  } finally {
    await c.end();
  }
}

async function timeQueue(db: Parameters<typeof getNextCard>[0]["db"], iterations: number) {
  const next: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < 5; i++) await getNextCard({ db, userId: USER, deckIds: [DECK], now: NOW });
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    const r = await getNextCard({ db, userId: USER, deckIds: [DECK], now: NOW });
    next.push(performance.now() - t);
    if (!r.card) throw new Error("bench: the queue is empty");
    t = performance.now();
    await buildReviewQueue({ db, userId: USER, deckIds: [DECK], now: NOW, limit: 1 });
    queue.push(performance.now() - t);
  }
  return { next: median(next), queue: median(queue) };
}

export async function benchQueue(o: BenchQueueOptions = {}): Promise<ReviewBenchRow[]> {
  const providers = o.providers ?? ["sqlite", "postgres"];
  const [small, large] = o.logs ?? scaleFromEnv();
  const sizes = { cards: o.cards ?? 100_000, studied: Math.floor((o.cards ?? 100_000) * 0.9) };
  const iterations = o.iterations ?? 50;
  const rows: ReviewBenchRow[] = [];
  const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  for (const provider of providers) {
    const t = await createTestDb(provider);
    try {
      const gen = async (from: number, to: number, base: boolean) => {
        const start = performance.now();
        if (provider === "sqlite")
          await generateSqlite(t.url.slice("file:".length), sizes, from, to, base);
        else await generatePostgres(t.url, sizes, from, to, base);
        return performance.now() - start;
      };
      const g1 = await gen(0, small, true);
      const a = await timeQueue(t.db, iterations);
      const g2 = await gen(small, large, false);
      const b = await timeQueue(t.db, iterations);
      const ratio = b.next / a.next;
      const name = `${provider}: getNextCard, ${label(sizes.cards)} cards`;
      rows.push(
        {
          measure: `${name}, ${label(small)} logs (median)`,
          value: round(a.next),
          unit: "ms",
          target: "≤ 5 ms",
          met: a.next <= 5,
        },
        {
          measure: `${name}, ${label(large)} logs (median)`,
          value: round(b.next),
          unit: "ms",
          target: "≤ 5 ms",
          met: b.next <= 5,
        },
        {
          measure: `${provider}: getNextCard ${label(large)}/${label(small)} logs`,
          value: round(ratio),
          unit: "×",
          baseline: round(a.next),
          target: "≤ 1.5",
          met: ratio <= 1.5,
        },
        {
          measure: `${provider}: buildReviewQueue(limit 1), ${label(large)} logs (median)`,
          value: round(b.queue),
          unit: "ms",
        },
        {
          measure: `${provider}: generating ${label(large)} logs`,
          value: round((g1 + g2) / 1000),
          unit: "s",
        },
      );
    } finally {
      await t.destroy();
    }
  }
  return rows;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export async function benchOptimiser(): Promise<ReviewBenchRow[]> {
  const reviews = loadPublicReviewLog();
  const fit = await fitFsrs(reviews);
  const oos = await evaluateFsrsOutOfSample(reviews);
  const d = fit.default;
  const f = fit.fittedMetrics;
  return [
    {
      measure: "optimiser: fit on the public log (12,580 reviews)",
      value: round(fit.ms),
      unit: "ms",
    },
    { measure: "optimiser: log loss, default parameters", value: round4(d?.logLoss), unit: "" },
    {
      measure: "optimiser: log loss, fitted parameters (in-sample)",
      value: round4(f?.logLoss),
      unit: "",
      baseline: round4(d?.logLoss),
      target: "< default",
      met: (f?.logLoss ?? 1) < (d?.logLoss ?? 0),
    },
    {
      measure: "optimiser: log loss, fitted (time-series splits, out of sample)",
      value: round4(oos.logLoss),
      unit: "",
      baseline: round4(d?.logLoss),
    },
    { measure: "optimiser: RMSE(bins), default parameters", value: round4(d?.rmseBins), unit: "" },
    {
      measure: "optimiser: RMSE(bins), fitted parameters (in-sample)",
      value: round4(f?.rmseBins),
      unit: "",
      baseline: round4(d?.rmseBins),
      target: "< default",
      met: (f?.rmseBins ?? 1) < (d?.rmseBins ?? 0),
    },
    {
      measure: "optimiser: RMSE(bins), fitted (time-series splits, out of sample)",
      value: round4(oos.rmseBins),
      unit: "",
      baseline: round4(d?.rmseBins),
    },
  ];
}

function round4(x: number | undefined): number {
  return Math.round((x ?? Number.NaN) * 10_000) / 10_000;
}

// `tsx packages/db/src/review/review.bench-case.ts` prints both tables.
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = [...(await benchOptimiser()), ...(await benchQueue())];
  console.table(rows);
}
