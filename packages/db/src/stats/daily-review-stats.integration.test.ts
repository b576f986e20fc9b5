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
import { recountReviewStats, storedReviewStats } from "../testing/review-stats-recount.ts";
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

async function expectExact(db: Db) {
  const want = await recountReviewStats(db);
  const got = await storedReviewStats(db);
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
