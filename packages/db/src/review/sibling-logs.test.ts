// The sibling-flag backfill is written twice: in TypeScript (restores of old backups run it) and in
// the migration that added the column (databases upgraded in place). They must be one statement.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../env.ts";
import { MARK_SIBLING_LOGS_SQL } from "./sibling-logs.ts";

const MIGRATION = "20261128064356_review_log_queue_indexes";
const words = (s: string) => s.replace(/\s+/g, " ").replace(/\( /g, "(").trim();

describe("MARK_SIBLING_LOGS_SQL", () => {
  for (const provider of ["sqlite", "postgres"]) {
    it(`is the backfill of the ${provider} migration that added hasSiblings`, () => {
      const migration = readFileSync(
        join(repoRoot, "prisma", provider, "migrations", MIGRATION, "migration.sql"),
        "utf8",
      );
      const backfill = migration.slice(migration.indexOf('UPDATE "ReviewLog"'));
      expect(words(backfill)).toBe(`${words(MARK_SIBLING_LOGS_SQL)};`);
    });
  }
});
