// Bench baseline on SQLite: node:http + better-sqlite3 + ts-fsrs doing the review transaction of
// POST /api/v1/reviews (read state, FSRS, write state, insert log, read next card) on the same
// schema with the same pragmas as the app (WAL, synchronous=NORMAL). The practical ceiling.
// Env: DATABASE_URL=file:/path, PORT.
import { createServer } from "node:http";
import { SQLITE_PRAGMAS } from "@strides/db";
import Database from "better-sqlite3";
import {
  dayEnd,
  HttpError,
  LEARN_AHEAD_MS,
  parseBody,
  readBody,
  reviewResponse,
  type StateRow,
  schedule,
  send,
  sendError,
  tokenHash,
} from "./review-core.ts";

const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
const db = new Database(file, { timeout: 5000 });
for (const p of SQLITE_PRAGMAS) db.exec(p);

// Prisma stores DateTime in SQLite as ISO text with "+00:00".
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");
const date = (s: string | null) => (s === null ? null : new Date(s));

const q = {
  token: db.prepare(`SELECT "userId", "revokedAt" FROM "ApiToken" WHERE "tokenHash" = ?`),
  log: db.prepare(
    `SELECT "id", "cardId", "rating", "dueAfter" FROM "ReviewLog" WHERE "userId" = ? AND "requestId" = ?`,
  ),
  state: db.prepare(
    `SELECT c."deckId", c."retiredAt", s.* FROM "Card" c
     LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ?
     WHERE c."id" = ?`,
  ),
  update: db.prepare(
    `UPDATE "CardState" SET "state" = ?, "due" = ?, "stability" = ?, "difficulty" = ?,
       "elapsedDays" = ?, "scheduledDays" = ?, "learningSteps" = ?, "reps" = ?, "lapses" = ?,
       "lastReview" = ?, "variantSeed" = NULL, "shownAt" = NULL, "buriedUntil" = NULL, "updatedAt" = ?
     WHERE "userId" = ? AND "cardId" = ?`,
  ),
  insert: db.prepare(
    `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "deckId", "requestId", "rating",
       "reviewedAt", "stateBefore", "stateAfter", "dueBefore", "dueAfter", "stabilityBefore",
       "stability", "difficultyBefore", "difficulty", "elapsedDays", "lastElapsedDays",
       "scheduledDays", "learningSteps", "durationMs", "previous")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  nextLearning: db.prepare(
    `SELECT c."id", c."deckId", c."content" FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
     WHERE s."userId" = ? AND s."deckId" = ? AND s."suspended" = 0 AND s."state" IN (1, 3)
       AND s."due" <= ? ORDER BY s."due" LIMIT 1`,
  ),
  nextReview: db.prepare(
    `SELECT c."id", c."deckId", c."content" FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
     WHERE s."userId" = ? AND s."deckId" = ? AND s."suspended" = 0 AND s."state" = 2
       AND s."due" < ? ORDER BY s."due" LIMIT 1`,
  ),
};

type Row = Record<string, unknown>;

const review = db.transaction((userId: string, body: ReturnType<typeof parseBody>, now: Date) => {
  const existing = q.log.get(userId, body.requestId) as Row | undefined;
  if (existing) {
    return {
      id: String(existing.id),
      cardId: String(existing.cardId),
      rating: Number(existing.rating),
      dueAfter: new Date(String(existing.dueAfter)),
      duplicate: true,
      deckId: null as string | null,
    };
  }
  const row = q.state.get(userId, body.cardId) as Row | undefined;
  if (!row) throw new HttpError(404, `card ${body.cardId} does not exist`, "cardId");
  if (row.userId === null) throw new HttpError(409, "this card is not due");
  const prev: StateRow = {
    state: Number(row.state),
    due: new Date(String(row.due)),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsedDays),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    lastReview: date(row.lastReview as string | null),
  };
  const s = schedule(prev, now, body.rating);
  const c = s.card;
  q.update.run(
    c.state,
    ts(c.due),
    c.stability,
    c.difficulty,
    c.elapsed_days,
    c.scheduled_days,
    c.learning_steps,
    c.reps,
    c.lapses,
    c.last_review ? ts(c.last_review) : null,
    ts(now),
    userId,
    body.cardId,
  );
  q.insert.run(
    s.id,
    userId,
    body.cardId,
    row.deckId,
    body.requestId,
    body.rating,
    ts(now),
    prev.state,
    c.state,
    ts(prev.due),
    ts(c.due),
    prev.stability,
    c.stability,
    prev.difficulty,
    c.difficulty,
    s.log.elapsed_days,
    s.log.last_elapsed_days,
    c.scheduled_days,
    c.learning_steps,
    body.durationMs,
    JSON.stringify(row),
  );
  return {
    id: s.id,
    cardId: body.cardId,
    rating: body.rating,
    dueAfter: c.due,
    duplicate: false,
    deckId: String(row.deckId),
  };
});

function nextCard(userId: string, deckId: string, now: Date) {
  const next =
    (q.nextLearning.get(userId, deckId, ts(new Date(now.getTime() + LEARN_AHEAD_MS))) as
      | Row
      | undefined) ?? (q.nextReview.get(userId, deckId, ts(dayEnd(now))) as Row | undefined);
  return next
    ? { id: String(next.id), deckId: String(next.deckId), content: String(next.content) }
    : null;
}

const server = createServer(async (req, res) => {
  try {
    if (req.method === "GET" && req.url?.startsWith("/api/v1/review/next?")) {
      const tok = q.token.get(tokenHash(req)) as Row | undefined;
      if (!tok || tok.revokedAt) throw new HttpError(401, "send a valid API token");
      const deckId = new URL(req.url, "http://x").searchParams.get("deck") ?? "";
      const card = nextCard(String(tok.userId), deckId, new Date());
      send(res, 200, reviewResponse(null, card).next);
      return;
    }
    if (req.method !== "POST" || req.url !== "/api/v1/reviews") {
      send(res, req.url === "/api/v1/decks" ? 200 : 404, { ok: true });
      return;
    }
    const hash = tokenHash(req);
    const body = parseBody(await readBody(req));
    const tok = q.token.get(hash) as Row | undefined;
    if (!tok || tok.revokedAt) throw new HttpError(401, "send a valid API token");
    const userId = String(tok.userId);
    const now = new Date();
    const r = review.immediate(userId, body, now);
    const deckId =
      r.deckId ?? String((q.state.get(userId, body.cardId) as Row | undefined)?.deckId ?? "");
    send(res, r.duplicate ? 200 : 201, reviewResponse(r, nextCard(userId, deckId, now)));
  } catch (e) {
    sendError(res, e);
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const a = server.address();
  console.log(`baseline (sqlite) listening on ${typeof a === "object" && a ? a.port : "?"}`);
});
