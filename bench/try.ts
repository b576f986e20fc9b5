import { startBaselineServer } from "./lib/baseline-server.ts";
import { freshPostgresDb, freshSqliteDb } from "./lib/databases.ts";
import { createLoadFixture } from "./lib/load-fixture.ts";
import { learnerCursors, runReviewLoad } from "./lib/review-load.ts";

for (const p of ["sqlite", "postgres"] as const) {
  const t0 = Date.now();
  const d = p === "sqlite" ? await freshSqliteDb() : await freshPostgresDb();
  const f = await createLoadFixture({ url: d.url, learners: 64, cards: 300, now: new Date() });
  console.log(p, "fixture", Date.now() - t0, "ms");
  const s = await startBaselineServer(p, d.url);
  const cursors = learnerCursors(f.learners, f.cardIds[0]!);
  console.log(
    await runReviewLoad({
      baseUrl: s.baseUrl,
      cursors,
      deckId: f.deckId,
      seconds: 5,
      connections: 64,
    }),
  );
  await s.stop();
  await d.drop();
}
