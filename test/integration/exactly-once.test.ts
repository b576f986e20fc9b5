// Exactly once, on the domain function against a real database (SQLite in the integration project,
// Postgres in the postgres project): 1,000 concurrent submissions with one request id record one
// review; different request ids for one card at one moment are serialised into a chain of reviews.
import { isAppError } from "@strides/content";
import { submitReview } from "@strides/db";
import { createReviewFixture, createTestDb, type TestDb } from "@strides/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.destroy();
});

const NOW = new Date("2026-03-02T15:00:00Z");

describe("exactly once", () => {
  it("1,000 concurrent submissions with the same request id make one log and one state change", async () => {
    const fx = await createReviewFixture(t.db, { cards: 3 });
    const cardId = fx.cardIds[0]!;
    const results = await Promise.allSettled(
      Array.from({ length: 1000 }, () =>
        submitReview({
          db: t.db,
          userId: fx.userId,
          cardId,
          requestId: "same-request-id",
          rating: 3,
          durationMs: 5000,
          now: NOW,
        }),
      ),
    );
    const rejected = results.filter((r) => r.status === "rejected");
    // A loser of the race may exhaust its retries; it must then say so (CONFLICT), never crash.
    for (const r of rejected) {
      expect(isAppError(r.reason) && r.reason.code === "CONFLICT", String(r.reason)).toBe(true);
    }
    const ok = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.filter((r) => !r.duplicate)).toHaveLength(1);
    const logIds = new Set(ok.map((r) => r.log.id));
    expect(logIds.size).toBe(1);
    expect(await t.db.reviewLog.count({ where: { userId: fx.userId } })).toBe(1);
    const state = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: fx.userId, cardId } },
    });
    expect(state.reps).toBe(1);
  }, 300_000);

  it("different request ids for the same card at the same moment are serialised", async () => {
    const fx = await createReviewFixture(t.db, { cards: 2 });
    const cardId = fx.cardIds[0]!;
    const n = 25;
    // Again keeps a card in learning, due within the learn-ahead limit: every review is allowed,
    // so a correct serialisation gives a chain of n reviews, each starting where the last ended.
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        submitReview({
          db: t.db,
          userId: fx.userId,
          cardId,
          requestId: `concurrent-${i}`,
          rating: 1,
          durationMs: 3000,
          now: NOW,
        }),
      ),
    );
    for (const r of results) {
      if (r.status === "rejected") {
        expect(isAppError(r.reason) && r.reason.code === "CONFLICT", String(r.reason)).toBe(true);
      }
    }
    const succeeded = results.filter((r) => r.status === "fulfilled").length;
    expect(succeeded).toBeGreaterThan(0);
    const logs = await t.db.reviewLog.findMany({ where: { userId: fx.userId, cardId } });
    expect(logs).toHaveLength(succeeded);
    const state = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: fx.userId, cardId } },
    });
    expect(state.reps).toBe(succeeded);
    // Each log's `previous` snapshot is the state the one before it produced: a chain, no fork.
    const repsBefore = logs
      .map((l) => (l.previous ? (JSON.parse(l.previous) as { reps: number }).reps : 0))
      .sort((a, b) => a - b);
    expect(repsBefore).toEqual(Array.from({ length: succeeded }, (_, i) => i));
  }, 120_000);
});
