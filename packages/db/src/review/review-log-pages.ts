// A learner's review log in pages, oldest first, by keyset (reviewedAt, id): each page is one
// bounded indexed read, so an export of any length holds one page in memory at a time and never
// holds the event loop for long (pages run through `readRunnerOf`).
import type { Db } from "../client.ts";
import { readRunnerOf, type SqlRow } from "../sql-runner.ts";
import { date, num, sql } from "./sql-values.ts";

export interface ReviewLogPageRow {
  id: string;
  cardId: string;
  cardKey: string;
  deckSlug: string;
  reviewedAt: Date;
  rating: number;
  stateBefore: number;
  durationMs: number;
}

export const REVIEW_LOG_PAGE = 2000;

export interface ReviewLogPagesOptions {
  db: Db;
  userId: string;
  deckIds?: string[];
  pageSize?: number;
}

/**
 * The pages as the driver returns their rows (the columns of `ReviewLogPageRow`, not yet read into
 * objects): for a caller that writes each page straight out as text (the account export), so a page
 * costs the event loop no object, Date or array per row.
 */
export async function* reviewLogRawPages(o: ReviewLogPagesOptions): AsyncGenerator<SqlRow[]> {
  const reader = readRunnerOf(o.db);
  const size = o.pageSize ?? REVIEW_LOG_PAGE;
  const decks =
    o.deckIds === undefined
      ? sql``
      : sql`AND l."deckId" IN (${sql.join(o.deckIds.length > 0 ? o.deckIds : [""])})`;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const from: Date = after?.at ?? new Date(0);
    const keyset = after ? sql`AND (l."reviewedAt" > ${after.at} OR l."id" > ${after.id})` : sql``;
    const rows = await reader.query(sql`SELECT l."id" AS "id", l."cardId" AS "cardId",
        l."reviewedAt" AS "reviewedAt", l."rating" AS "rating", l."stateBefore" AS "stateBefore",
        l."durationMs" AS "durationMs", c."key" AS "cardKey", d."slug" AS "deckSlug"
      FROM "ReviewLog" l
      JOIN "Card" c ON c."id" = l."cardId"
      JOIN "Deck" d ON d."id" = c."deckId"
      WHERE l."userId" = ${o.userId} AND l."reviewedAt" >= ${from} ${keyset} ${decks}
      ORDER BY l."reviewedAt", l."id"
      LIMIT ${size}`);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1] as SqlRow;
    after = { at: date(last.reviewedAt), id: String(last.id) };
  }
}

export async function* reviewLogPages(
  o: ReviewLogPagesOptions,
): AsyncGenerator<ReviewLogPageRow[]> {
  for await (const rows of reviewLogRawPages(o)) {
    yield rows.map((r) => ({
      id: String(r.id),
      cardId: String(r.cardId),
      cardKey: String(r.cardKey),
      deckSlug: String(r.deckSlug),
      reviewedAt: date(r.reviewedAt),
      rating: num(r.rating),
      stateBefore: num(r.stateBefore),
      durationMs: num(r.durationMs),
    }));
  }
}
