// Raw SQL on either database: the tag, the reader types, and readers of raw row values.
import type { Db, Prisma } from "../client.ts";
import { Prisma as P } from "../generated/sqlite/client.ts";
import type { SqlRunner } from "../sql-runner.ts";

export type Reader = Db | Prisma.TransactionClient;
/** Anything raw SQL can run on: a client, a Prisma transaction, or a driver runner. */
export type SqlReader = Reader | SqlRunner;

/** Tagged SQL (parameters are bound, never spliced), shared by both providers' clients. */
export const sql = Object.assign(
  (strings: readonly string[], ...values: unknown[]) => P.sql(strings, ...values),
  { join: P.join, raw: P.raw, empty: P.empty },
);

// Raw rows: typed columns come back as Date/boolean/number on both providers, but computed and
// UNION columns may be text, 0/1 or bigint on SQLite; these read either.
export function bool(v: unknown): boolean {
  return v === true || v === 1 || v === 1n || v === "1" || v === "true";
}
export function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
export function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v);
}
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}
export function date(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "string" || typeof v === "number") return new Date(v);
  if (typeof v === "bigint") return new Date(Number(v));
  throw new Error(`expected a date, got ${String(v)}`);
}
/** `date(v).getTime()` without a Date for text (SQLite's), when only the instant is written out. */
export function epochMs(v: unknown): number {
  if (typeof v === "string") return Date.parse(v);
  if (typeof v === "number") return v;
  return date(v).getTime();
}
export function dateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : date(v);
}
