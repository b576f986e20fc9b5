// The few SQL fragments that differ between SQLite and Postgres in otherwise shared statements
// (the group dashboard's and due counts' VALUES lists, the searches' text match). Everything else
// in those statements is one text. SQLite stores Prisma's DateTime as ISO 8601 text
// ("2026-05-10T12:00:00.000+00:00"), Postgres as TIMESTAMP(3) holding UTC wall-clock time.
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

/**
 * LIKE's escape character. Not `\`: in a Postgres string literal a backslash means the same only
 * while standard_conforming_strings is on (the default since 9.1); with it off, `ESCAPE '\'` is an
 * unterminated literal and every search fails. `!` reads the same everywhere.
 */
const LIKE_ESCAPE = "!";

/** A character `likePattern` escapes: LIKE's two wildcards and the escape character itself. */
const LIKE_SPECIAL = /[!%_]/g;

/**
 * The LIKE pattern (escape character `!`) matching any text that contains `text` as typed: `%`,
 * `_` and `!` stand for themselves, and ASCII letters are lowered (the column is lowered the same
 * way by `containsText`). Other letters keep their case: see `containsText`.
 */
export function likePattern(text: string): string {
  const lowered = text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return `%${lowered.replace(LIKE_SPECIAL, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}

/**
 * The one rule of every search box (the card browser, a deck's card list, the admin's accounts):
 * `column` contains `text` literally, ignoring the case of ASCII letters, with the same result on
 * both databases. SQLite's LOWER and LIKE fold ASCII letters only; Postgres's LIKE folds nothing and
 * its LOWER folds every letter its locale knows (Σ→σ under C.UTF-8), so there the column is lowered
 * under the "C" collation, which folds ASCII letters only. Korean has no case; "kim" finds "Kim" on
 * both, "σ" finds "Σ" on neither.
 */
export function containsText(provider: SqlProvider, column: Prisma.Sql, text: string): Prisma.Sql {
  const lowered = provider === "sqlite" ? sql`LOWER(${column})` : sql`LOWER(${column} COLLATE "C")`;
  return sql`${lowered} LIKE ${likePattern(text)} ESCAPE ${sql.raw(`'${LIKE_ESCAPE}'`)}`;
}
