// The review aggregates (DailyLearnerStats, DailyCardStats, LearnerQuarterStats) as stored, and as
// a recount of the logs says they should be, keyed by their primary keys: tests compare the two.
import type { Db } from "../client.ts";

const DAY = 86_400_000;
const QUARTER = 900_000;

/** The aggregates as the logs say they should be (UTC days and quarter hours). */
export async function recountReviewStats(db: Db) {
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
    const k3 = `${l.userId}|${Math.floor(l.reviewedAt.getTime() / QUARTER)}|${l.deckId}`;
    const q = quarter.get(k3) ?? { reviews: 0, timeMs: 0, mature: 0, passed: 0 };
    q.reviews += 1;
    q.timeMs += l.durationMs;
    q.mature += mature;
    q.passed += mature && l.rating > 1 ? 1 : 0;
    quarter.set(k3, q);
  }
  return { learner, card, quarter, logs: logs.length };
}

/** The aggregates as stored, in the shape of recountReviewStats. */
export async function storedReviewStats(db: Db) {
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
