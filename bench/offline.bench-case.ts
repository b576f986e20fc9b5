// Offline review figures (issue 17): the batch endpoint's throughput — 100 reviews in one
// `POST /api/v1/reviews/batch` against the same 100 sent one by one to `POST /api/v1/reviews` (each
// learner its own copy of the demo deck's first 100 new cards, bearer tokens, the production
// server on a fresh SQLite database) — and the service worker's size. The review page's first-load
// JS, which includes the worker's registration and the offline transport, is the web suite's row.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  buildReviewQueue,
  createApiToken,
  DEMO_GROUP,
  generateDemoPasswords,
  listDeckIdsForUser,
  loadDemoDeck,
  openDb,
  seedDemo,
} from "@strides/db";
import { type BenchRow, median, spreadPct } from "./bench-row.ts";
import { freshSqliteDb } from "./lib/databases.ts";
import { ensureWebBuild, repoRoot, startWebServer } from "./lib/web-server.ts";

const REVIEWS = 100;
const REPEATS = Number(process.env.STRIDES_BENCH_REPEATS) || 3;

interface Learner {
  token: string;
  cardIds: string[];
}

async function post(baseUrl: string, path: string, token: string, body: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** Learners in the demo group, each with a token and the first REVIEWS new cards of its queue. */
async function makeLearners(url: string, n: number): Promise<Learner[]> {
  const h = await openDb(url);
  try {
    const db = h.db;
    const now = new Date();
    await seedDemo({ db, deck: loadDemoDeck(), passwords: generateDemoPasswords(), now });
    const group = await db.group.findUniqueOrThrow({ where: { slug: DEMO_GROUP.slug } });
    const out: Learner[] = [];
    for (let i = 0; i < n; i++) {
      const id = `bench-offline-${i}`;
      await db.user.create({ data: { id, name: id, email: `${id}@bench.test` } });
      await db.learnerSettings.create({
        data: { userId: id, timeZone: "UTC", overrides: JSON.stringify({ newPerDay: 1000 }) },
      });
      await db.membership.create({ data: { groupId: group.id, userId: id } });
      const deckIds = await listDeckIdsForUser({ db, userId: id });
      const q = await buildReviewQueue({ db, userId: id, deckIds, now, limit: REVIEWS });
      const { token } = await createApiToken({ db, userId: id, name: "bench", now });
      out.push({ token, cardIds: q.cards.map((c) => c.cardId) });
    }
    return out;
  } finally {
    await h.close();
  }
}

export async function benchOffline(): Promise<BenchRow[]> {
  const swFile = join(repoRoot, "apps/web/public/sw.js");
  ensureWebBuild();
  const sw = readFileSync(swFile);
  const db = await freshSqliteDb();
  const rows: BenchRow[] = [];
  try {
    // Per repeat: one learner for the batch, one for the single requests.
    const learners = await makeLearners(db.url, 2 * REPEATS);
    const server = await startWebServer({ databaseUrl: db.url, env: { STRIDES_DEMO: "1" } });
    const batchRates: number[] = [];
    const singleRates: number[] = [];
    try {
      for (let r = 0; r < REPEATS; r++) {
        const a = learners[2 * r] as Learner;
        const b = learners[2 * r + 1] as Learner;
        const count = Math.min(a.cardIds.length, b.cardIds.length);
        const start = Date.now() - count * 20_000;
        const reviews = (l: Learner) =>
          l.cardIds.slice(0, count).map((cardId, i) => ({
            requestId: `bench-${r}-${cardId}`,
            cardId,
            rating: 3,
            durationMs: 4000,
            reviewedAt: new Date(start + i * 20_000).toISOString(),
          }));
        let t = performance.now();
        const res = (await post(server.baseUrl, "/api/v1/reviews/batch", a.token, {
          sentAt: new Date().toISOString(),
          reviews: reviews(a),
        })) as { outcomes: { status: string }[] };
        const batchMs = performance.now() - t;
        const recorded = res.outcomes.filter((o) => o.status === "recorded").length;
        if (recorded !== count) throw new Error(`batch recorded ${recorded} of ${count}`);
        t = performance.now();
        for (const x of reviews(b)) {
          const { reviewedAt: _, ...body } = x;
          await post(server.baseUrl, "/api/v1/reviews", b.token, body);
        }
        const singleMs = performance.now() - t;
        batchRates.push((count / batchMs) * 1000);
        singleRates.push((count / singleMs) * 1000);
      }
    } finally {
      await server.stop();
    }
    const batch = median(batchRates);
    const single = median(singleRates);
    rows.push({
      measure: `batch endpoint: ${REVIEWS} reviews in one request`,
      value: batch,
      unit: "reviews/s",
      baseline: single,
      target: "≥ 1× one by one",
      met: batch >= single,
      spreadPct: spreadPct(batchRates),
      note: `baseline: the same ${REVIEWS} one by one to POST /api/v1/reviews (bearer token, each answered with the next card); median of ${REPEATS}`,
    });
  } finally {
    await db.drop();
  }
  rows.push({
    measure: "service worker (public/sw.js, gzip)",
    value: gzipSync(sw, { level: 9 }).length / 1024,
    unit: "KB",
    note: `${(statSync(swFile).size / 1024).toFixed(1)} KB raw, ${(sw.toString().match(/revision/g) ?? []).length} precached entries with a revision; not first-load JS (fetched by the browser after the page)`,
  });
  return rows;
}
