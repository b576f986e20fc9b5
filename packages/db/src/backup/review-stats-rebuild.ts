// The review aggregates (DailyLearnerStats, LearnerQuarterStats, DailyCardStats) during a Postgres
// restore. Triggers on ReviewLog keep them (migration 20261203124623_daily_review_stats); fired per
// row, their PL/pgSQL upserts made restoring 823k rows take 133 s instead of 88 s. A restore turns
// exactly those triggers off inside its transaction and, once every log is written, rebuilds the
// three tables from ReviewLog with the migration's own backfill statements — read from the
// migration file (the one copy of the rule), as migrate.ts reads it. ALTER TABLE is transactional
// on Postgres: a restore that fails rolls the triggers back on with everything else.
// (`session_replication_role = replica` would also turn off the foreign-key checks a restore relies
// on to refuse an inconsistent file, and needs a superuser.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../env.ts";
import { sql } from "../review/sql-values.ts";
import type { SqlRunner } from "../sql-runner.ts";

/** The migration that defines the aggregates, their triggers and their backfill. */
export const REVIEW_STATS_MIGRATION = "20261203124623_daily_review_stats";

/** The aggregate triggers on "ReviewLog" (the migration's CREATE TRIGGER names). */
export const REVIEW_STATS_TRIGGERS = [
  "ReviewLog_daily_stats_insert_delete",
  "ReviewLog_daily_stats_update",
] as const;

export const REVIEW_STATS_TABLES = [
  "LearnerQuarterStats",
  "DailyLearnerStats",
  "DailyCardStats",
] as const;

/** The comment the migration's backfill follows (the rest of the file is its INSERT…SELECTs). */
const BACKFILL_MARK = "-- The logs already there.";

/** The backfill statements of the migration's text: one INSERT…SELECT per aggregate table. */
export function backfillStatements(migrationSql: string): string[] {
  const at = migrationSql.indexOf(BACKFILL_MARK);
  if (at < 0) throw new Error(`${REVIEW_STATS_MIGRATION}: no "${BACKFILL_MARK}" section`);
  const statements = migrationSql
    .slice(at + BACKFILL_MARK.length)
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const targets = statements.map((s) => /^INSERT INTO "(\w+)"[^;]*\bSELECT\b/s.exec(s)?.[1]);
  if (targets.join() !== [...REVIEW_STATS_TABLES].join()) {
    throw new Error(
      `${REVIEW_STATS_MIGRATION}: its backfill is not one INSERT…SELECT into each of ${REVIEW_STATS_TABLES.join(", ")}`,
    );
  }
  return statements;
}

let backfill: string[] | null = null;

/** The Postgres migration's backfill statements (read once). */
export function reviewStatsBackfillSql(): string[] {
  backfill ??= backfillStatements(
    readFileSync(
      join(repoRoot, "prisma", "postgres", "migrations", REVIEW_STATS_MIGRATION, "migration.sql"),
      "utf8",
    ),
  );
  return backfill;
}

async function setTriggers(tx: SqlRunner, state: "DISABLE" | "ENABLE"): Promise<void> {
  const actions = REVIEW_STATS_TRIGGERS.map((t) => `${state} TRIGGER "${t}"`).join(", ");
  await tx.execute(sql.raw(`ALTER TABLE "ReviewLog" ${actions}`));
}

/**
 * Turns the aggregate triggers off for the rest of the transaction `tx` (Postgres). The caller
 * ends it with rebuildReviewStats, or by rolling back (which turns them on again).
 */
export async function pauseReviewStatsTriggers(tx: SqlRunner): Promise<void> {
  await setTriggers(tx, "DISABLE");
}

/**
 * In the transaction that paused the triggers: the aggregates recounted from ReviewLog (the
 * migration's backfill, into emptied tables), then the triggers on again, before COMMIT.
 */
export async function rebuildReviewStats(tx: SqlRunner): Promise<void> {
  const statements = reviewStatsBackfillSql();
  for (const table of REVIEW_STATS_TABLES) await tx.execute(sql.raw(`DELETE FROM "${table}"`));
  for (const statement of statements) await tx.execute(sql.raw(statement));
  await setTriggers(tx, "ENABLE");
}
