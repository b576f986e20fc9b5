// The review aggregates (DailyLearnerStats, DailyCardStats, LearnerQuarterStats) are kept by database triggers on
// ReviewLog: after every way logs are written — reviews, undo, the CSV import, an edited log, a
// deleted card, a deleted account — they equal a recount of the logs, day by day.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../client.ts";
import { exportReviewLogCsv } from "../review/export-review-log-csv.ts";
import { importReviewLogCsv } from "../review/import-review-log-csv.ts";
import { submitReview } from "../review/submit-review.ts";
import { undoLastReview } from "../review/undo-last-review.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";

const DAY = 86_400_000;
// Late in a UTC day, so reviews an hour apart cross midnight.
const T0 = new Date("2026-04-06T21:30:00Z");

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.destroy();
});

/** The aggregates as the logs say they should be, keyed by their primary keys. */
async function recount(db: Db) {
  const logs = await db.reviewLog.findMany();
  const learner = new Map<string, { reviews: number; mature: number; maturePassed: number }>();
  const card = new Map<
    string,
    { reviews: number; again: number; mature: number; lapses: number; totalMs: number }
  >();
  const quarter = new Map<
    string,
    { reviews: number; timeMs: number; mature: number; passed: number }
  >();
  for (const l of logs) {
    const day = Math.floor(l.reviewedAt.getTime() / DAY);
    const mature = l.stateBefore === 2 ? 1 : 0;
    const k1 = `${l.userId}|${day}|${l.deckId}`;
    const a = learner.get(k1) ?? { reviews: 0, mature: 0, maturePassed: 0 };
    a.reviews += 1;
    a.mature += mature;
    a.maturePassed += mature && l.rating > 1 ? 1 : 0;
    learner.set(k1, a);
    const k2 = `${l.cardId}|${day}`;
    const c = card.get(k2) ?? { reviews: 0, again: 0, mature: 0, lapses: 0, totalMs: 0 };
    c.reviews += 1;
    c.again += l.rating === 1 ? 1 : 0;
    c.mature += mature;
    c.lapses += mature && l.rating === 1 ? 1 : 0;
    c.totalMs += l.durationMs;
    card.set(k2, c);
    const k3 = `${l.userId}|${Math.floor(l.reviewedAt.getTime() / 900_000)}|${l.deckId}`;
    const q = quarter.get(k3) ?? { reviews: 0, timeMs: 0, mature: 0, passed: 0 };
    q.reviews += 1;
    q.timeMs += l.durationMs;
    q.mature += mature;
    q.passed += mature && l.rating > 1 ? 1 : 0;
    quarter.set(k3, q);
  }
  return { learner, card, quarter, logs: logs.length };
}

async function stored(db: Db) {
  const learner = new Map(
    (await db.dailyLearnerStats.findMany()).map((r) => [
      `${r.userId}|${r.day}|${r.deckId}`,
      { reviews: r.reviews, mature: r.mature, maturePassed: r.maturePassed },
    ]),
  );
  const card = new Map(
    (await db.dailyCardStats.findMany()).map((r) => [
      `${r.cardId}|${r.day}`,
      {
        reviews: r.reviews,
        again: r.again,
        mature: r.mature,
        lapses: r.lapses,
        totalMs: Number(r.totalMs),
      },
    ]),
  );
  const quarter = new Map(
    (await db.learnerQuarterStats.findMany()).map((r) => [
      `${r.userId}|${r.quarter}|${r.deckId}`,
      { reviews: r.reviews, timeMs: Number(r.timeMs), mature: r.mature, passed: r.passed },
    ]),
  );
  return { learner, card, quarter };
}

async function expectExact(db: Db) {
  const want = await recount(db);
  const got = await stored(db);
  expect(got.learner).toEqual(want.learner);
  expect(got.card).toEqual(want.card);
  expect(got.quarter).toEqual(want.quarter);
  return want.logs;
}

describe(`daily review aggregates on ${testDbKind()}`, () => {
  it("equal a recount of the logs after reviews, undo, import, edits and deletions", async () => {
    const fx = await createReviewFixture(t.db, { cards: 4 });
    let n = 0;
    const review = async (userId: string, cardId: string, rating: number, at: Date) =>
      submitReview({
        db: t.db,
        userId,
        cardId,
        requestId: `r${n++}`,
        rating,
        durationMs: 1000 + n,
        now: at,
      });
    // Each card reviewed when due until it is mature, then failed or passed: reviews on both
    // sides of UTC midnight and over several days.
    for (const [i, cardId] of fx.cardIds.entries()) {
      let at = new Date(T0.getTime() + i * 3_600_000);
      for (const rating of [3, 3, 3, i % 2 === 0 ? 1 : 3]) {
        const r = await review(fx.userId, cardId, rating, at);
        at = new Date(Math.max(r.state?.due.getTime() ?? 0, at.getTime() + 60_000));
      }
    }
    expect(await expectExact(t.db)).toBe(16);
    const learnerRows = await t.db.dailyLearnerStats.findMany();
    expect(new Set(learnerRows.map((r) => r.day)).size).toBeGreaterThanOrEqual(4);
    expect(learnerRows.some((r) => r.mature > 0 && r.maturePassed < r.mature)).toBe(true);

    // Undo deletes the last log.
    await undoLastReview({ db: t.db, userId: fx.userId, now: new Date(T0.getTime() + 9 * DAY) });
    expect(await expectExact(t.db)).toBe(15);

    // A second learner imports the first one's history as CSV (logs written in bulk).
    await t.db.user.create({ data: { id: "learner-2", name: "l2", email: "l2@example.test" } });
    await t.db.membership.create({ data: { groupId: fx.groupId, userId: "learner-2" } });
    const csv = await exportReviewLogCsv({ db: t.db, userId: fx.userId });
    await importReviewLogCsv({ db: t.db, userId: "learner-2", csv, deckIds: [fx.deckId], now: T0 });
    expect(await expectExact(t.db)).toBe(30);

    // An edited log moves between days and counts.
    const log = await t.db.reviewLog.findFirstOrThrow({
      where: { userId: "learner-2", stateBefore: 2 },
    });
    await t.db.reviewLog.update({
      where: { id: log.id },
      data: { rating: log.rating === 1 ? 3 : 1, reviewedAt: new Date(T0.getTime() - 3 * DAY) },
    });
    expect(await expectExact(t.db)).toBe(30);

    // Every counted column changed on its own moves the log too.
    const other = await t.db.reviewLog.findFirstOrThrow({
      where: { userId: "learner-2", cardId: { not: fx.cardIds[1] as string } },
    });
    for (const data of [
      { durationMs: 987_654 },
      { stateBefore: other.stateBefore === 2 ? 1 : 2 },
      { cardId: fx.cardIds[1] as string },
      { userId: fx.userId },
      { userId: "learner-2" },
    ]) {
      await t.db.reviewLog.update({ where: { id: other.id }, data });
      expect(await expectExact(t.db)).toBe(30);
    }

    // Deleting a card and an account deletes their logs (cascades) and their daily counts.
    const ofCard = await t.db.reviewLog.count({ where: { cardId: fx.cardIds[0] as string } });
    await t.db.card.delete({ where: { id: fx.cardIds[0] as string } });
    expect(await expectExact(t.db)).toBe(30 - ofCard);
    const ofUser = await t.db.reviewLog.count({ where: { userId: "learner-2" } });
    await t.db.user.delete({ where: { id: "learner-2" } });
    expect(await expectExact(t.db)).toBe(30 - ofCard - ofUser);
    expect(await t.db.dailyLearnerStats.count({ where: { userId: "learner-2" } })).toBe(0);
    expect(await t.db.learnerQuarterStats.count({ where: { userId: "learner-2" } })).toBe(0);
  });
});
