// The statistics grouped by the database equal the summary of every log loaded and counted in
// JavaScript (summarizeReviewLogs, the oracle), for a learner whose days start at 4 a.m. in a time
// zone with daylight-saving time, with history older than the window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerDay } from "../scheduling/learner-day.ts";
import { createSchoolFixture, type SchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { getReviewStats } from "./get-review-stats.ts";
import { summarizeReviewLogs } from "./summarize-review-logs.ts";

const now = new Date("2026-11-02T03:30:00Z"); // the night after New York's clocks went back

describe(`review statistics on ${testDbKind()}`, () => {
  let t: TestDb;
  let fx: SchoolFixture;
  beforeAll(async () => {
    t = await createTestDb();
    fx = await createSchoolFixture({
      db: t.db,
      now,
      members: 1,
      logsPerMember: 4000,
      days: 400,
      cards: 50,
      seed: 3,
    });
    await t.db.learnerSettings.update({
      where: { userId: fx.memberIds[0] },
      data: { timeZone: "America/New_York", dayStartHour: 4 },
    });
  }, 120_000);
  afterAll(async () => t?.destroy());

  it("equals the summary of the logs counted one by one", async () => {
    const userId = fx.memberIds[0] as string;
    const day = { timeZone: "America/New_York", dayStartHour: 4 };
    for (const days of [365, 30]) {
      const stats = await getReviewStats({ db: t.db, userId, now, days });
      // The same window as getReviewStats: from days + 1 before the start of today.
      const since = new Date(learnerDay(now, day).start.getTime() - (days + 1) * 86_400_000);
      const logs = await t.db.reviewLog.findMany({
        where: { userId, reviewedAt: { gte: since } },
        orderBy: { reviewedAt: "asc" },
      });
      const expected = summarizeReviewLogs({ logs, day, now, days });
      expect(stats).toEqual(expected);
      expect(stats.totals.reviews).toBeGreaterThan(days === 30 ? 250 : 3000);
    }
  });
});
