// A learner's own data: account, settings, memberships, the cards they have studied with their
// schedule, and the review log in the FSRS optimiser's CSV format
// (card_id,review_time,review_rating,review_state,review_duration; time in ms since the epoch).
// Streamed: every file is a lazy sequence of text chunks read page by page (keyset), so an export
// of any size holds one page in memory; `exportLearnerData` collects them (tests, small accounts).
import type { Db } from "../client.ts";
import { csvCell, csvLine, csvLines } from "../csv/write-csv.ts";
import { reviewLogRawPages } from "../review/review-log-pages.ts";
import { bool, date, dateOrNull, epochMs, num, sql } from "../review/sql-values.ts";
import { readRunnerOf } from "../sql-runner.ts";

export interface LearnerExport {
  files: Record<string, string>;
}

export interface LearnerExportFile {
  name: string;
  chunks: AsyncIterable<string>;
}

const PAGE = 1000;
/** Review-log rows per page of the export: one page is one short turn of the event loop. */
const REVLOG_PAGE = 500;
const REVLOG_COLUMNS = [
  "card_id",
  "review_time",
  "review_rating",
  "review_state",
  "review_duration",
];

interface StateRow {
  cardId: string;
  key: string;
  kind: string;
  content: string;
  deck: string;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  suspended: boolean;
}

async function* statePages(db: Db, userId: string): AsyncGenerator<StateRow[]> {
  const reader = readRunnerOf(db);
  let after = "";
  for (;;) {
    const rows = await reader.query(sql`SELECT s."cardId" AS "cardId", c."key" AS "key",
        c."kind" AS "kind", c."content" AS "content", d."slug" AS "deck", s."state" AS "state",
        s."due" AS "due", s."stability" AS "stability", s."difficulty" AS "difficulty",
        s."reps" AS "reps", s."lapses" AS "lapses", s."lastReview" AS "lastReview",
        s."suspended" AS "suspended"
      FROM "CardState" s
      JOIN "Card" c ON c."id" = s."cardId"
      JOIN "Deck" d ON d."id" = c."deckId"
      WHERE s."userId" = ${userId} AND s."cardId" > ${after}
      ORDER BY s."cardId"
      LIMIT ${PAGE}`);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      cardId: String(r.cardId),
      key: String(r.key),
      kind: String(r.kind),
      content: String(r.content),
      deck: String(r.deck),
      state: num(r.state),
      due: date(r.due),
      stability: num(r.stability),
      difficulty: num(r.difficulty),
      reps: num(r.reps),
      lapses: num(r.lapses),
      lastReview: dateOrNull(r.lastReview),
      suspended: bool(r.suspended),
    }));
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1]?.cardId);
  }
}

async function* scheduleRows(db: Db, userId: string) {
  for await (const page of statePages(db, userId)) {
    for (const s of page) {
      yield [
        s.cardId,
        s.key,
        s.deck,
        s.state,
        s.due,
        s.stability,
        s.difficulty,
        s.reps,
        s.lapses,
        s.lastReview,
        s.suspended,
      ];
    }
  }
}

async function* cardsJson(db: Db, userId: string): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const page of statePages(db, userId)) {
    let chunk = "";
    for (const s of page) {
      const card = {
        id: s.cardId,
        key: s.key,
        kind: s.kind,
        deck: s.deck,
        content: JSON.parse(s.content) as unknown,
      };
      chunk += `${first ? "\n" : ",\n"}  ${JSON.stringify(card, null, 2).replaceAll("\n", "\n  ")}`;
      first = false;
    }
    yield chunk;
  }
  yield first ? "]" : "\n]";
}

/**
 * The review log's CSV, a page of raw rows written straight to text at a time (the cells are
 * `csvLine`'s). Pages of 2,000 logs read into objects, then an array and an async-generator step
 * per row, were among the longest turns of the server's loop in a 100k-log export's profile, with
 * the garbage they left.
 */
async function* reviewLogCsv(db: Db, userId: string): AsyncGenerator<string> {
  yield csvLine(REVLOG_COLUMNS);
  for await (const rows of reviewLogRawPages({ db, userId, pageSize: REVLOG_PAGE })) {
    let text = "";
    for (const r of rows) {
      text += `${csvCell(String(r.cardId))},${epochMs(r.reviewedAt)},${num(r.rating)},${num(r.stateBefore)},${num(r.durationMs)}\r\n`;
    }
    yield text;
  }
}

async function* accountJson(db: Db, userId: string, now: Date): AsyncGenerator<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      settings: true,
      memberships: {
        select: { role: true, createdAt: true, group: { select: { name: true, slug: true } } },
      },
    },
  });
  yield JSON.stringify({ exportedAt: now.toISOString(), ...user }, null, 2);
}

/** The export's files, each read lazily as it is written (a zip stream, say). */
export function streamLearnerData(o: { db: Db; userId: string; now: Date }): LearnerExportFile[] {
  const { db, userId, now } = o;
  return [
    { name: "account.json", chunks: accountJson(db, userId, now) },
    { name: "cards.json", chunks: cardsJson(db, userId) },
    {
      name: "schedule.csv",
      chunks: csvLines(
        [
          "card_id",
          "card_key",
          "deck",
          "state",
          "due",
          "stability",
          "difficulty",
          "reps",
          "lapses",
          "last_review",
          "suspended",
        ],
        scheduleRows(db, userId),
      ),
    },
    { name: "revlog.csv", chunks: reviewLogCsv(db, userId) },
  ];
}

/** The whole export in memory (tests, small accounts). */
export async function exportLearnerData(o: {
  db: Db;
  userId: string;
  now: Date;
}): Promise<LearnerExport> {
  const files: Record<string, string> = {};
  for (const f of streamLearnerData(o)) {
    let text = "";
    for await (const chunk of f.chunks) text += chunk;
    files[f.name] = text;
  }
  return { files };
}
