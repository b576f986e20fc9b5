// The review aggregates after a restore (they are not in the backup): equal to a recount of the
// restored logs, and kept by their triggers afterwards (a review submitted then is counted). On
// Postgres the restore turns the triggers off while it writes and rebuilds the aggregates at the end
// (review-stats-rebuild.ts): the triggers are on again after it, also after a restore that failed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client.ts";
import { repoRoot } from "../env.ts";
import { sql } from "../review/sql-values.ts";
import { submitReview } from "../review/submit-review.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { recountReviewStats, storedReviewStats } from "../testing/review-stats-recount.ts";
import { createSchoolFixture, type SchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { restoreInstanceFromStream, streamInstanceBackup } from "./backup-instance.ts";
import {
  backfillStatements,
  REVIEW_STATS_MIGRATION,
  REVIEW_STATS_TRIGGERS,
  reviewStatsBackfillSql,
} from "./review-stats-rebuild.ts";

const now = new Date("2026-06-01T08:30:00.000Z");
const postgres = testDbKind() === "postgres";

async function expectExact(db: Db): Promise<number> {
  const want = await recountReviewStats(db);
  const got = await storedReviewStats(db);
  expect(got.learner).toEqual(want.learner);
  expect(got.card).toEqual(want.card);
  expect(got.quarter).toEqual(want.quarter);
  return want.logs;
}

/** Postgres: each aggregate trigger on "ReviewLog" and whether it fires ('O': origin and local). */
async function triggerStates(db: Db): Promise<Record<string, string>> {
  const rows = await sqlRunnerOf(db).query(
    sql`SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger
      WHERE tgrelid = '"ReviewLog"'::regclass AND NOT tgisinternal ORDER BY tgname`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.name), String(r.enabled)]));
}

async function* chunks(text: string, size = 65_536) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe(`the review aggregates after a restore on ${testDbKind()}`, () => {
  let source: TestDb;
  let fx: SchoolFixture;
  let text = "";
  const targets: TestDb[] = [];
  beforeAll(async () => {
    source = await createTestDb();
    // Logs over 12 days, in several time zones, on both sides of UTC midnight.
    fx = await createSchoolFixture({
      db: source.db,
      now,
      members: 12,
      logsPerMember: 150,
      days: 12,
      cards: 60,
    });
    for await (const chunk of streamInstanceBackup({ db: source.db, now })) text += chunk;
  }, 60_000);
  afterAll(async () => {
    for (const t of [source, ...targets]) await t?.destroy();
  });

  it("reads the migration's backfill: one INSERT…SELECT per aggregate table", () => {
    const statements = reviewStatsBackfillSql();
    expect(statements.map((s) => /^INSERT INTO "(\w+)"/.exec(s)?.[1])).toEqual([
      "LearnerQuarterStats",
      "DailyLearnerStats",
      "DailyCardStats",
    ]);
    const migration = readFileSync(
      join(repoRoot, "prisma/postgres/migrations", REVIEW_STATS_MIGRATION, "migration.sql"),
      "utf8",
    );
    for (const s of statements) expect(migration).toContain(s);
    for (const name of REVIEW_STATS_TRIGGERS) expect(migration).toContain(`TRIGGER "${name}"`);
    expect(() => backfillStatements(migration.replace("-- The logs already there.", ""))).toThrow();
  });

  it("equal a recount of the restored logs, and count a review submitted afterwards", async () => {
    const target = await createTestDb();
    targets.push(target);
    await restoreInstanceFromStream({ db: target.db, chunks: chunks(text) });
    expect(await expectExact(target.db)).toBe(fx.logs);
    expect(await storedReviewStats(target.db)).toEqual(await storedReviewStats(source.db));
    if (postgres) {
      expect(await triggerStates(target.db)).toEqual(
        Object.fromEntries(REVIEW_STATS_TRIGGERS.map((t) => [t, "O"])),
      );
    }
    const userId = fx.memberIds[0] as string;
    const due = await target.db.cardState.findFirstOrThrow({
      where: { userId, due: { lte: now }, suspended: false },
    });
    const before = await target.db.dailyLearnerStats.aggregate({
      where: { userId },
      _sum: { reviews: true },
    });
    await submitReview({
      db: target.db,
      userId,
      cardId: due.cardId,
      requestId: "after-restore",
      rating: 3,
      durationMs: 4321,
      now,
    });
    expect(await expectExact(target.db)).toBe(fx.logs + 1);
    const after = await target.db.dailyLearnerStats.aggregate({
      where: { userId },
      _sum: { reviews: true },
    });
    expect(after._sum.reviews).toBe((before._sum.reviews ?? 0) + 1);
  }, 60_000);

  it("leave the triggers on when a restore fails after the logs are written", async () => {
    const target = await createTestDb();
    targets.push(target);
    // FsrsParameters comes after ReviewLog: a row of it with a column the table lacks.
    const backup = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
    backup.tables.FsrsParameters = [{ id: "f-bad", noSuchColumn: 1 }];
    await expect(
      restoreInstanceFromStream({ db: target.db, chunks: chunks(JSON.stringify(backup)) }),
    ).rejects.toThrow();
    expect(await target.db.reviewLog.count()).toBe(0);
    expect(await target.db.dailyLearnerStats.count()).toBe(0);
    if (postgres) {
      expect(await triggerStates(target.db)).toEqual(
        Object.fromEntries(REVIEW_STATS_TRIGGERS.map((t) => [t, "O"])),
      );
    }
    // The instance is still empty: the good file restores into it, and reviews are counted.
    await restoreInstanceFromStream({ db: target.db, chunks: chunks(text) });
    expect(await expectExact(target.db)).toBe(fx.logs);
    const userId = fx.memberIds[1] as string;
    const due = await target.db.cardState.findFirstOrThrow({
      where: { userId, due: { lte: now }, suspended: false },
    });
    await submitReview({
      db: target.db,
      userId,
      cardId: due.cardId,
      requestId: "after-failed-restore",
      rating: 1,
      durationMs: 1234,
      now,
    });
    expect(await expectExact(target.db)).toBe(fx.logs + 1);
  }, 60_000);
});
