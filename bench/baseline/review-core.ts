// The bench baseline's shared part: the request contract of POST /api/v1/reviews, FSRS through
// ts-fsrs with the deck's default preset, and the response shape. No framework, no ORM.
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Card, fsrs, type Grade, generatorParameters, type State } from "ts-fsrs";

export const LEARN_AHEAD_MS = 20 * 60_000;

export const scheduler = fsrs(
  generatorParameters({
    request_retention: 0.9,
    maximum_interval: 36500,
    enable_fuzz: true,
    learning_steps: ["1m", "10m"],
    relearning_steps: ["10m"],
  }),
);

export interface StateRow {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface ReviewBody {
  requestId: string;
  cardId: string;
  rating: Grade;
  durationMs: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function parseBody(raw: string): ReviewBody {
  let b: Record<string, unknown>;
  try {
    b = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, "body must be JSON", "body");
  }
  if (typeof b !== "object" || b === null) throw new HttpError(400, "body must be an object");
  const { requestId, cardId, rating, durationMs } = b;
  if (typeof requestId !== "string" || requestId.length < 8 || requestId.length > 200)
    throw new HttpError(400, "requestId: invalid", "requestId");
  if (typeof cardId !== "string" || cardId.length < 1 || cardId.length > 100)
    throw new HttpError(400, "cardId: invalid", "cardId");
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4)
    throw new HttpError(400, "rating: invalid", "rating");
  if (typeof durationMs !== "number" || !Number.isInteger(durationMs) || durationMs < 0)
    throw new HttpError(400, "durationMs: invalid", "durationMs");
  return { requestId, cardId, rating, durationMs };
}

export function tokenHash(req: IncomingMessage): string {
  const h = req.headers.authorization ?? "";
  if (!h.startsWith("Bearer ")) throw new HttpError(401, "send a valid API token");
  return createHash("sha256").update(h.slice(7).trim()).digest("hex");
}

/** FSRS for one review: the new memory state and the log's fields. */
export function schedule(prev: StateRow, now: Date, rating: Grade) {
  const card: Card = {
    due: prev.due,
    stability: prev.stability,
    difficulty: prev.difficulty,
    elapsed_days: prev.elapsedDays,
    scheduled_days: prev.scheduledDays,
    learning_steps: prev.learningSteps,
    reps: prev.reps,
    lapses: prev.lapses,
    state: prev.state as State,
    ...(prev.lastReview ? { last_review: prev.lastReview } : {}),
  };
  const r = scheduler.next(card, now, rating);
  return { card: r.card, log: r.log, id: randomUUID() };
}

/** End of the learner's day (UTC, day starts at 04:00), as Strides' queue computes it. */
export function dayEnd(now: Date): Date {
  const d = new Date(now);
  d.setUTCHours(4, 0, 0, 0);
  if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

let loggedOnce = false;

export function sendError(res: ServerResponse, e: unknown) {
  if (e instanceof HttpError) {
    send(res, e.status, { error: { message: e.message, ...(e.field ? { field: e.field } : {}) } });
  } else {
    if (!loggedOnce) console.error(e);
    loggedOnce = true;
    send(res, 500, { error: { message: "unexpected error" } });
  }
}

export function reviewResponse(
  review: { id: string; cardId: string; rating: number; dueAfter: Date; duplicate: boolean } | null,
  next: { id: string; deckId: string; content: string } | null,
) {
  return {
    review: review && { ...review, dueAfter: review.dueAfter.toISOString(), correct: null },
    check: null,
    next: {
      card: next ? { id: next.id, deckId: next.deckId, content: JSON.parse(next.content) } : null,
      counts: { new: 0, learning: 0, review: 0 },
      nextDue: null,
    },
  };
}
