// Bench baseline on Postgres: node:http + pg + ts-fsrs doing the review transaction of
// POST /api/v1/reviews (read state FOR UPDATE, FSRS, write state, insert log, read next card) on the
// same schema, with a pool of 10 connections like the app's. Env: DATABASE_URL=postgresql://…, PORT.
import { createServer } from "node:http";
import pg from "pg";
import {
  dayEnd,
  HttpError,
  LEARN_AHEAD_MS,
  parseBody,
  readBody,
  reviewResponse,
  schedule,
  send,
  sendError,
  tokenHash,
} from "./review-core.ts";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// Prisma's DateTime columns are `timestamp(3)` holding UTC: read them as UTC.
pg.types.setTypeParser(1114, (s: string) => new Date(`${s.replace(" ", "T")}Z`));
const utc = (d: Date) => d.toISOString().slice(0, -1);

interface Reviewed {
  id: string;
  cardId: string;
  rating: number;
  dueAfter: Date;
  duplicate: boolean;
  deckId: string;
}

async function review(
  client: pg.PoolClient,
  userId: string,
  body: ReturnType<typeof parseBody>,
  now: Date,
): Promise<Reviewed> {
  const existing = await client.query(
    `SELECT "id", "cardId", "rating", "dueAfter", "deckId" FROM "ReviewLog" WHERE "userId" = $1 AND "requestId" = $2`,
    [userId, body.requestId],
  );
  const e = existing.rows[0];
  if (e) return { ...e, duplicate: true };
  const { rows } = await client.query(
    `SELECT c."deckId", s.* FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
     WHERE s."userId" = $1 AND s."cardId" = $2 FOR UPDATE OF s`,
    [userId, body.cardId],
  );
  const row = rows[0];
  if (!row) throw new HttpError(404, `card ${body.cardId} has no state for you`, "cardId");
  const s = schedule(row, now, body.rating);
  const c = s.card;
  await client.query(
    `UPDATE "CardState" SET "state" = $1, "due" = $2, "stability" = $3, "difficulty" = $4,
       "elapsedDays" = $5, "scheduledDays" = $6, "learningSteps" = $7, "reps" = $8, "lapses" = $9,
       "lastReview" = $10, "variantSeed" = NULL, "shownAt" = NULL, "buriedUntil" = NULL, "updatedAt" = $11
     WHERE "userId" = $12 AND "cardId" = $13`,
    [
      c.state,
      utc(c.due),
      c.stability,
      c.difficulty,
      c.elapsed_days,
      c.scheduled_days,
      c.learning_steps,
      c.reps,
      c.lapses,
      c.last_review ? utc(c.last_review) : null,
      utc(now),
      userId,
      body.cardId,
    ],
  );
  await client.query(
    `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "deckId", "requestId", "rating",
       "reviewedAt", "stateBefore", "stateAfter", "dueBefore", "dueAfter", "stabilityBefore",
       "stability", "difficultyBefore", "difficulty", "elapsedDays", "lastElapsedDays",
       "scheduledDays", "learningSteps", "durationMs", "previous")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
    [
      s.id,
      userId,
      body.cardId,
      row.deckId,
      body.requestId,
      body.rating,
      utc(now),
      row.state,
      c.state,
      utc(row.due),
      utc(c.due),
      row.stability,
      c.stability,
      row.difficulty,
      c.difficulty,
      s.log.elapsed_days,
      s.log.last_elapsed_days,
      c.scheduled_days,
      c.learning_steps,
      body.durationMs,
      JSON.stringify(row),
    ],
  );
  return {
    id: s.id,
    cardId: body.cardId,
    rating: body.rating,
    dueAfter: c.due,
    duplicate: false,
    deckId: row.deckId,
  };
}

async function nextCard(userId: string, deckId: string, now: Date) {
  const ahead = utc(new Date(now.getTime() + LEARN_AHEAD_MS));
  const nextSql = (cond: string) =>
    `SELECT c."id", c."deckId", c."content" FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
     WHERE s."userId" = $1 AND s."deckId" = $2 AND s."suspended" = false AND ${cond}
     ORDER BY s."due" LIMIT 1`;
  const learning = await pool.query(nextSql(`s."state" IN (1, 3) AND s."due" <= $3`), [
    userId,
    deckId,
    ahead,
  ]);
  return (
    learning.rows[0] ??
    (
      await pool.query(nextSql(`s."state" = 2 AND s."due" < $3`), [
        userId,
        deckId,
        utc(dayEnd(now)),
      ])
    ).rows[0] ??
    null
  );
}

const server = createServer(async (req, res) => {
  try {
    if (req.method === "GET" && req.url?.startsWith("/api/v1/review/next?")) {
      const tok = await pool.query(
        `SELECT "userId", "revokedAt" FROM "ApiToken" WHERE "tokenHash" = $1`,
        [tokenHash(req)],
      );
      const t = tok.rows[0];
      if (!t || t.revokedAt) throw new HttpError(401, "send a valid API token");
      const deckId = new URL(req.url, "http://x").searchParams.get("deck") ?? "";
      send(res, 200, reviewResponse(null, await nextCard(t.userId, deckId, new Date())).next);
      return;
    }
    if (req.method !== "POST" || req.url !== "/api/v1/reviews") {
      send(res, req.url === "/api/v1/decks" ? 200 : 404, { ok: true });
      return;
    }
    const hash = tokenHash(req);
    const body = parseBody(await readBody(req));
    const tok = await pool.query(
      `SELECT "userId", "revokedAt" FROM "ApiToken" WHERE "tokenHash" = $1`,
      [hash],
    );
    const t = tok.rows[0];
    if (!t || t.revokedAt) throw new HttpError(401, "send a valid API token");
    const now = new Date();
    const client = await pool.connect();
    let r: Reviewed;
    try {
      await client.query("BEGIN");
      r = await review(client, t.userId, body, now);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    const next = await nextCard(t.userId, r.deckId, now);
    send(res, r.duplicate ? 200 : 201, reviewResponse(r, next ?? null));
  } catch (e) {
    sendError(res, e);
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const a = server.address();
  console.log(`baseline (postgres) listening on ${typeof a === "object" && a ? a.port : "?"}`);
});
