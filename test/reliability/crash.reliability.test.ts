// Crash safety: the production server on SQLite under review load is killed with SIGKILL at random
// moments, 20 times, and restarted each time. Afterwards every review that got a success response
// is in the database, every card state has the logs that produced it, and the file passes
// PRAGMA integrity_check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDb, freshSqliteDb } from "../../bench/lib/databases.ts";
import { createLoadFixture, type LoadFixture } from "../../bench/lib/load-fixture.ts";
import { sleep } from "../../bench/lib/net.ts";
import { ensureWebBuild, startWebServer } from "../../bench/lib/web-server.ts";
import { type Ack, checkSqlite, playLearners } from "./harness.ts";

const KILLS = Number(process.env.STRIDES_CRASH_KILLS ?? 20);

let db: FreshDb;
let fx: LoadFixture;
beforeAll(async () => {
  ensureWebBuild();
  db = await freshSqliteDb();
  fx = await createLoadFixture({ url: db.url, learners: 12, cards: 400, now: new Date() });
}, 900_000);
afterAll(async () => {
  await db?.drop();
});

// A small deterministic generator for the kill moments (reproducible with STRIDES_CRASH_SEED).
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("crash safety (kill -9)", () => {
  it(`loses no acknowledged review over ${KILLS} kills`, async () => {
    const seed = Number(process.env.STRIDES_CRASH_SEED ?? Date.now() % 100_000);
    const random = lcg(seed);
    const acks: Ack[] = [];
    let killedDuringRequests = 0;
    for (let round = 0; round < KILLS; round++) {
      const server = await startWebServer({ databaseUrl: db.url });
      let stop = false;
      const outcomes: { status: number; ms: number; body: string }[] = [];
      const play = playLearners({
        baseUrl: server.baseUrl,
        learners: fx.learners,
        deckId: fx.deckId,
        firstCardId: fx.cardIds[0]!,
        stop: () => stop,
        acks,
        outcomes,
        requestTimeoutMs: 5000,
      });
      await sleep(200 + Math.floor(random() * 1800));
      await server.kill9();
      stop = true;
      await play;
      if (outcomes.some((o) => o.status === 0)) killedDuringRequests++;
      const serverErrors = outcomes.filter((o) => o.status >= 500);
      expect(serverErrors, serverErrors[0]?.body).toHaveLength(0);
    }
    const check = checkSqlite(db.file!, acks, 3);
    console.log(
      `crash: seed ${seed}, ${KILLS} kills (${killedDuringRequests} with requests in flight), ${acks.length} acknowledged reviews, ${check.logs} logs`,
    );
    expect(check.integrity).toBe("ok");
    expect(acks.length).toBeGreaterThan(0);
    expect(check.missingAcks).toEqual([]);
    expect(check.statesWithoutLog).toEqual([]);
    expect(killedDuringRequests).toBeGreaterThan(KILLS / 2);
  }, 900_000);
});
