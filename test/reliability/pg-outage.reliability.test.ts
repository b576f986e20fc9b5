// Postgres outage: the production server on Postgres under review load; the database server is
// stopped (immediate shutdown, like a crash) mid-load. Requests must fail fast with 503 and a clear
// message; once Postgres is back the app recovers without a restart, and every review that got a
// success response is in the database. Uses a throwaway cluster (initdb) on its own port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDb, freshPostgresDb } from "../../bench/lib/databases.ts";
import { createLoadFixture, type LoadFixture } from "../../bench/lib/load-fixture.ts";
import { sleep } from "../../bench/lib/net.ts";
import { ensureWebBuild, startWebServer, type WebServer } from "../../bench/lib/web-server.ts";
import { type Ack, checkPostgres, type Outcome, playLearners } from "./harness.ts";
import { canRunPgCluster, type PgCluster, startPgCluster } from "./pg-cluster.ts";

let cluster: PgCluster;
let db: FreshDb;
let fx: LoadFixture;
let server: WebServer;

describe.skipIf(!canRunPgCluster())("Postgres outage", () => {
  beforeAll(async () => {
    ensureWebBuild();
    cluster = await startPgCluster();
    db = await freshPostgresDb(cluster.adminUrl);
    fx = await createLoadFixture({ url: db.url, learners: 8, cards: 300, now: new Date() });
    server = await startWebServer({ databaseUrl: db.url });
  }, 900_000);
  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it("fails fast with 503 while Postgres is down and recovers without a restart", async () => {
    const acks: Ack[] = [];
    const outcomes: (Outcome & { at: number })[] = [];
    const log = {
      push: (o: Outcome) => {
        outcomes.push({ ...o, at: Date.now() });
        return outcomes.length;
      },
    } as unknown as Outcome[];
    let stop = false;
    const play = playLearners({
      baseUrl: server.baseUrl,
      learners: fx.learners,
      deckId: fx.deckId,
      firstCardId: fx.cardIds[0]!,
      stop: () => stop,
      acks,
      outcomes: log,
      pauseMs: 20,
      requestTimeoutMs: 15_000,
    });
    // Until the app is serving reviews (the first ones of a cold server are slow).
    for (let i = 0; i < 600 && acks.length < 8; i++) await sleep(100);
    const acksBefore = acks.length;
    const downAt = Date.now();
    cluster.stopImmediate();
    await sleep(5000);
    const upAt = Date.now();
    cluster.start();
    let recoveredAt = 0;
    for (let i = 0; i < 300 && !recoveredAt; i++) {
      await sleep(100);
      recoveredAt = outcomes.find((o) => o.at > upAt && o.status >= 200 && o.status < 300)?.at ?? 0;
    }
    await sleep(2000);
    stop = true;
    await play;

    // Answered while the database was down (allowing 500 ms for the stop to take effect).
    const during = outcomes.filter((o) => o.at > downAt + 500 && o.at - o.ms < upAt);
    const statuses = [...new Set(during.map((o) => o.status))];
    console.log(
      `pg outage: ${acksBefore} reviews before, ${during.length} responses during the outage (statuses ${statuses.join(", ")}, slowest ${Math.max(...during.map((o) => o.ms))} ms), recovered ${recoveredAt ? recoveredAt - upAt : "never"} ms after restart, ${acks.length} acknowledged in all`,
    );
    expect(acksBefore).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(0);
    // A server that died answers nothing (status 0): say why, with its last lines.
    expect(server.child.exitCode, server.output()).toBeNull();
    for (const o of during) {
      expect(o.status, o.body).toBe(503);
      expect(o.body).toMatch(/database/i);
      expect(o.ms).toBeLessThan(5000);
    }
    expect(recoveredAt, "the app answered again after Postgres restarted").toBeGreaterThan(0);
    const check = await checkPostgres(db.url, acks, 3);
    expect(check.missingAcks).toEqual([]);
    expect(check.statesWithoutLog).toEqual([]);
  }, 300_000);
});
