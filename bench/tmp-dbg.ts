import { freshSqliteDb } from "./lib/databases.ts";
import { createLoadFixture } from "./lib/load-fixture.ts";
import { learnerCursors, runReviewLoad } from "./lib/review-load.ts";
import { startWebServer } from "./lib/web-server.ts";

const db = await freshSqliteDb();
const fx = await createLoadFixture({ url: db.url, learners: 64, cards: 200, now: new Date() });
const s = await startWebServer({ databaseUrl: db.url });
const cursors = learnerCursors(fx.learners, fx.cardIds[0]!);
for (const c of [1, 4, 16, 64])
  console.log(
    c,
    await runReviewLoad({
      baseUrl: s.baseUrl,
      cursors: cursors.slice(0, c),
      deckId: fx.deckId,
      seconds: 5,
      connections: c,
    }),
  );
await s.stop();
console.log(s.output().slice(-2000));
