// A Postgres backup's pages, read by the pg driver. Through Prisma's model API each table's first
// page cost ~48 ms of query compilation on the event loop (the server's loop was held 53 ms by a
// backup download); here a page is one plain keyset SELECT on a connection of the pool, in one
// REPEATABLE READ transaction, and its rows come back as Prisma's would (the same fields in the
// same order, Date, bigint, bytes, numbers, booleans), encoded into the same text as by Prisma.
import { checkOutConnection, type PgRunner, pgTypesWith, pgValue } from "../pg-runner.ts";
import type { BackupTableShape } from "./sqlite-backup-text.ts";

type Row = Record<string, unknown>;

/** BIGINT as a bigint, as Prisma reads it (a backup writes it as {"$bigint"}). */
const backupTypes = pgTypesWith((text) => BigInt(text));

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The keyset SELECTs of a table: its first page, and the page after a row. */
function pageQueries(t: BackupTableShape, size: number): { first: string; after: string } {
  const columns = t.columns.map((c) => quote(c.name)).join(", ");
  const keys = t.orderBy.map(quote).join(", ");
  const params = t.orderBy.map((_, i) => `$${i + 1}`).join(", ");
  const from = `SELECT ${columns} FROM ${quote(t.table)}`;
  const order = `ORDER BY ${keys} LIMIT ${size}`;
  // A row comparison, as Prisma's OR of prefixes compares: the same collation, the same order.
  return { first: `${from} ${order}`, after: `${from} WHERE (${keys}) > (${params}) ${order}` };
}

export interface PgBackupSnapshot {
  /** The page of table `t` after `last` (null: from the start), in the table's order. */
  page(t: BackupTableShape, last: Row | null): Promise<Row[]>;
  /** Ends the transaction and gives the connection back to the pool. */
  close(): Promise<void>;
}

/**
 * A read-only REPEATABLE READ transaction on a connection of the runner's pool, its snapshot
 * taken at once (before the first page is asked for): what the backup reads is the database at
 * the moment it began, and it blocks no writer.
 */
export async function openPgBackupSnapshot(
  runner: PgRunner,
  pageSize: number,
): Promise<PgBackupSnapshot> {
  const held = await checkOutConnection(runner.pool);
  const { client } = held;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // REPEATABLE READ's snapshot is the first statement's, not BEGIN's.
    await client.query("SELECT 1");
  } catch (e) {
    held.broke();
    held.release();
    throw e;
  }
  const queries = new Map<BackupTableShape, { first: string; after: string }>();
  let failed = false;
  return {
    async page(t, last) {
      let q = queries.get(t);
      if (!q) {
        q = pageQueries(t, pageSize);
        queries.set(t, q);
      }
      try {
        // Objects with the SELECT's columns in the model's order, as Prisma's rows.
        const result = await client.query<Row>({
          text: last ? q.after : q.first,
          values: last ? t.orderBy.map((k) => pgValue(last[k])) : [],
          types: backupTypes,
        });
        return result.rows;
      } catch (e) {
        failed = true;
        held.broke();
        throw e;
      }
    },
    async close() {
      try {
        if (!failed) await client.query("COMMIT");
      } catch {
        held.broke();
      }
      // A connection whose transaction failed is closed rather than given back mid-transaction.
      held.release();
    },
  };
}
