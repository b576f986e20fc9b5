// `node --import tsx bench/profile-review-load.ts [sqlite|postgres]`: runs the closed-loop review
// load against the production server started with --cpu-prof, then prints where the server's CPU
// time went: self time by package and the top functions. This is how the README's explanation of
// the gap to the baseline was measured.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { busyTime, type Profile, summarizeProfile } from "./lib/cpu-profile.ts";
import { analyzePostgres, freshPostgresDb, freshSqliteDb } from "./lib/databases.ts";
import { createLoadFixture } from "./lib/load-fixture.ts";
import { learnerCursors, runReviewLoad } from "./lib/review-load.ts";
import { ensureWebBuild, startWebServer } from "./lib/web-server.ts";

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
if (provider === "postgres") await analyzePostgres(db.url);
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
const profiles = files
  .map((f) => JSON.parse(readFileSync(join(profDir, f), "utf8")) as Profile)
  .sort((a, b) => busyTime(b) - busyTime(a));
const p = profiles[0];
if (!p) throw new Error(`no profile written in ${profDir}`);
console.log(`\nserver ${summarizeProfile(p)}`);
console.log(`\nprofiles: ${profDir}`);
