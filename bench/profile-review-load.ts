// `node --import tsx bench/profile-review-load.ts [sqlite|postgres]`: runs the closed-loop review
// load against the production server started with --cpu-prof, then prints where the server's CPU
// time went: self time by package and the top functions. This is how the README's explanation of
// the gap to the baseline was measured.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshPostgresDb, freshSqliteDb } from "./lib/databases.ts";
import { createLoadFixture } from "./lib/load-fixture.ts";
import { learnerCursors, runReviewLoad } from "./lib/review-load.ts";
import { ensureWebBuild, startWebServer } from "./lib/web-server.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const provider = process.argv[2] === "postgres" ? "postgres" : "sqlite";
const seconds = Number(process.env.STRIDES_BENCH_SECONDS ?? 10);
ensureWebBuild();
const db = provider === "sqlite" ? await freshSqliteDb() : await freshPostgresDb();
const fx = await createLoadFixture({ url: db.url, learners: 64, cards: 300, now: new Date() });
const profDir = mkdtempSync(join(tmpdir(), "strides-prof-"));
const server = await startWebServer({
  databaseUrl: db.url,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profDir}`],
});
const connections = Number(process.env.STRIDES_PROFILE_CONNECTIONS ?? 64);
const cursors = learnerCursors(fx.learners, fx.cardIds[0]!).slice(0, connections);
await runReviewLoad({
  baseUrl: server.baseUrl,
  cursors,
  deckId: fx.deckId,
  seconds: 3,
  connections,
});
const r = await runReviewLoad({
  baseUrl: server.baseUrl,
  cursors,
  deckId: fx.deckId,
  seconds,
  connections,
});
console.log(
  `${provider}: ${r.rps.toFixed(0)} reviews/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`,
);
await server.stop(60_000);
await db.drop();

const files = readdirSync(profDir).filter((f) => f.endsWith(".cpuprofile"));
// The server's main thread is the busiest profile (the module loader's thread idles).
const busy = (q: Profile) => {
  const idle = new Set(
    q.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id),
  );
  return q.samples.reduce((t, id, i) => (idle.has(id) ? t : t + (q.timeDeltas[i] ?? 0)), 0);
};
const profiles = files
  .map((f) => JSON.parse(readFileSync(join(profDir, f), "utf8")) as Profile)
  .sort((a, b) => busy(b) - busy(a));
const p = profiles[0];
if (!p) throw new Error(`no profile written in ${profDir}`);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of p.samples.entries())
  self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const bucket = (url: string, fn: string) => {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next/")) return "app bundle (.next)";
  return url.replace(/^file:\/\//, "");
};
const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id);
  if (!n) continue;
  const { url, functionName, lineNumber } = n.callFrame;
  const k = bucket(url, functionName);
  byPkg.set(k, (byPkg.get(k) ?? 0) + t);
  const f = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber}`;
  byFn.set(f, (byFn.get(f) ?? 0) + t);
}
const pct = (t: number) => `${((t / total) * 100).toFixed(1)}%`;
console.log(`\nserver CPU self time by package (${(total / 1e6).toFixed(1)} s sampled):`);
for (const [k, t] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${pct(t).padStart(6)}  ${k}`);
console.log("\ntop functions:");
for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`  ${pct(t).padStart(6)}  ${k}`);
console.log(`\nprofiles: ${profDir}`);
