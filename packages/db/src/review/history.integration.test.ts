// CSV export/import round trip, per-learner fitting and the group prior, on a real database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { createTestDb, type TestDb } from "../testing/test-db.ts";
import { exportReviewLogCsv } from "./export-review-log-csv.ts";
import { fitFsrsParameters } from "./fit-fsrs-parameters.ts";
import { importReviewLogCsv } from "./import-review-log-csv.ts";
import { loadLearnerContext } from "./review-reads.ts";
import { submitReview } from "./submit-review.ts";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.destroy();
});

const T0 = new Date("2026-01-05T15:00:00Z");
const DAY = 86_400_000;

describe("review history", () => {
  it("exports CSV in the FSRS tools' format and imports it into another learner exactly", async () => {
    const fx = await createReviewFixture(t.db, { cards: 3 });
    let n = 0;
    for (const cardId of fx.cardIds) {
      let now = T0;
      for (const rating of [3, 3, 1, 3] as const) {
        const r = await submitReview({
          db: t.db,
          userId: fx.userId,
          cardId,
          requestId: `r${n++}`,
          rating,
          durationMs: 1500,
          now,
        });
        now = new Date(Math.max(r.state?.due.getTime() ?? 0, now.getTime() + 60_000));
      }
    }
    const csv = await exportReviewLogCsv({ db: t.db, userId: fx.userId });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "card_id,review_time,review_rating,review_state,review_duration,card_key",
    );
    expect(lines).toHaveLength(13);
    expect(lines[1]).toMatch(/^\d+,\d{13},3,0,1500,deck-1\/card-\d$/);

    // A second learner in the same group imports the history: same states as the first learner's.
    await t.db.user.create({ data: { id: "learner-2", name: "l2", email: "l2@example.test" } });
    await t.db.membership.create({ data: { groupId: fx.groupId, userId: "learner-2" } });
    const r = await importReviewLogCsv({
      db: t.db,
      userId: "learner-2",
      csv,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(r).toMatchObject({ imported: 12, duplicates: 0, cards: 3, skipped: [] });
    const again = await importReviewLogCsv({
      db: t.db,
      userId: "learner-2",
      csv,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(again).toMatchObject({ imported: 0, duplicates: 12 });
    const pick = (userId: string) =>
      t.db.cardState.findMany({
        where: { userId },
        orderBy: { cardId: "asc" },
        select: {
          cardId: true,
          state: true,
          due: true,
          stability: true,
          difficulty: true,
          reps: true,
          lapses: true,
        },
      });
    expect(await pick("learner-2")).toEqual(await pick(fx.userId));
    expect(await t.db.reviewLog.count({ where: { userId: "learner-2" } })).toBe(12);
  });

  it("marks imported reviews of cards that have siblings (the queue buries those siblings)", async () => {
    // Cards 0 and 1 share a note; card 2 is alone in its note.
    const fx = await createReviewFixture(t.db, { cards: 3, perNote: 2 });
    const [a, , c] = fx.cardIds as [string, string, string];
    const csv = `card_id,review_time,review_rating,card_key
1,${T0.getTime()},3,deck-1/card-0
3,${T0.getTime()},3,deck-1/card-2
`;
    const r = await importReviewLogCsv({
      db: t.db,
      userId: fx.userId,
      csv,
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(r).toMatchObject({ imported: 2, skipped: [] });
    const logs = await t.db.reviewLog.findMany({
      where: { userId: fx.userId },
      select: { cardId: true, hasSiblings: true },
      orderBy: { cardId: "asc" },
    });
    expect(logs).toEqual([
      { cardId: a, hasSiblings: true },
      { cardId: c, hasSiblings: false },
    ]);
  });

  it("skips rows for unknown cards with their line numbers", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1 });
    const r = await importReviewLogCsv({
      db: t.db,
      userId: fx.userId,
      csv: "card_id,review_time,review_rating\n999,1700000000000,3\n",
      deckIds: [fx.deckId],
      now: T0,
    });
    expect(r.skipped).toEqual([{ line: 2, reason: "no card 999 in these decks" }]);
  });

  it("keeps defaults for a learner with little history and uses the group's prior", async () => {
    const fx = await createReviewFixture(t.db, { cards: 2 });
    await submitReview({
      db: t.db,
      userId: fx.userId,
      cardId: fx.cardIds[0] as string,
      requestId: "x",
      rating: 3,
      durationMs: 1,
      now: T0,
    });
    const few = await fitFsrsParameters({ db: t.db, userId: fx.userId, now: T0 });
    expect(few.ok).toBe(false);
    // A group prior fitted elsewhere applies to learners without their own parameters.
    const prior = Array.from({ length: 21 }, (_, i) => 0.1 + i / 100);
    await t.db.fsrsParameters.create({
      data: {
        groupId: fx.groupId,
        parameters: JSON.stringify(prior),
        reviewCount: 5000,
        fittedAt: T0,
      },
    });
    const ctx = await loadLearnerContext(t.db, fx.userId, [fx.deckId]);
    expect(ctx.decks.get(fx.deckId)).toMatchObject({ weights: prior, weightsSource: "group" });
  });

  it("fits a learner's parameters from enough history and uses them", async () => {
    const fx = await createReviewFixture(t.db, {
      cards: 40,
      preset: { newPerDay: 1000, reviewsPerDay: 10000 },
    });
    let n = 0;
    for (const [i, cardId] of fx.cardIds.entries()) {
      let now = new Date(T0.getTime() - 200 * DAY);
      for (let k = 0; k < 4; k++) {
        const rating = (i + k) % 4 === 0 ? 1 : 3;
        const r = await submitReview({
          db: t.db,
          userId: fx.userId,
          cardId,
          requestId: `f${n++}`,
          rating,
          durationMs: 1,
          now,
        });
        now = new Date(Math.max(r.state?.due.getTime() ?? 0, now.getTime() + DAY));
      }
    }
    const r = await fitFsrsParameters({ db: t.db, userId: fx.userId, now: T0 });
    expect(r.ok).toBe(true);
    const ctx = await loadLearnerContext(t.db, fx.userId, [fx.deckId]);
    expect(ctx.decks.get(fx.deckId)).toMatchObject({
      weights: r.parameters,
      weightsSource: "learner",
    });
    // The group's prior pools its members' reviews of its decks: here the same 160 reviews, read
    // in pages smaller than the history.
    const g = await fitFsrsParameters({ db: t.db, groupId: fx.groupId, now: T0, pageSize: 7 });
    expect(g).toMatchObject({ ok: true, reviews: 160, items: r.items, parameters: r.parameters });
    expect(await t.db.fsrsParameters.count({ where: { groupId: fx.groupId } })).toBe(1);
  }, 60_000);
});
