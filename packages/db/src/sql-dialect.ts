// The few SQL fragments that differ between SQLite and Postgres in otherwise shared statements
// (the group dashboard's and due counts' VALUES lists). Everything else in those statements is one text.
// SQLite stores Prisma's DateTime as ISO 8601 text ("2026-05-10T12:00:00.000+00:00"), Postgres as
// TIMESTAMP(3) holding UTC wall-clock time.
import type { Prisma } from "./client.ts";
import { sql } from "./review/sql-values.ts";

export type SqlProvider = "sqlite" | "postgres";

/**
 * A bound timestamp in a position where Postgres cannot infer the type (a VALUES list): cast to
 * TIMESTAMP there, kept as text on SQLite (a cast to a date type would turn it into a number).
 */
export function timestampParam(provider: SqlProvider, at: Date): Prisma.Sql {
  return provider === "sqlite" ? sql`CAST(${at} AS TEXT)` : sql`CAST(${at} AS TIMESTAMP(3))`;
}
