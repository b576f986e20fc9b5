// Shared by the reliability tests: a client that plays learners against a running server (each
// learner rates its current card and gets the next one, sequentially), recording every review the
// server acknowledged, and checks of the database afterwards.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Learner } from "../../bench/lib/load-fixture.ts";
import { ratingFor } from "../../bench/lib/review-load.ts";

export interface Ack {
  userId: string;
  requestId: string;
  reviewId: string;
  cardId: string;
}

export interface Outcome {
  status: number;
  ms: number;
  body: string;
}

export interface PlayOptions {
  baseUrl: string;
  learners: Learner[];
  deckId: string;
  firstCardId: string;
  /** Keep going until this returns true. */
  stop: () => boolean;
  acks: Ack[];
  /** Every response (or network failure as status 0). */
  outcomes?: Outcome[];
  requestTimeoutMs?: number;
  pauseMs?: number;
}

const tag = randomBytes(4).toString("hex");
let seq = 0;

/** Plays every learner concurrently until `stop()`; network errors end nothing, they are recorded. */
export async function playLearners(o: PlayOptions): Promise<void> {
  await Promise.all(
    o.learners.map(async (learner) => {
      let cardId: string | null = o.firstCardId;
      for (let guard = 0; guard < 1_000_000 && !o.stop(); guard++) {
        const requestId = `${tag}-${learner.userId}-${++seq}`;
        const started = Date.now();
        try {
          const r = await fetch(
            cardId
              ? `${o.baseUrl}/api/v1/reviews`
              : `${o.baseUrl}/api/v1/review/next?deck=${encodeURIComponent(o.deckId)}`,
            {
              method: cardId ? "POST" : "GET",
              headers: {
                authorization: `Bearer ${learner.token}`,
                "content-type": "application/json",
              },
              ...(cardId
                ? {
                    body: JSON.stringify({
                      requestId,
                      cardId,
                      rating: ratingFor(seq),
                      durationMs: 4000,
                      deck: o.deckId,
                    }),
                  }
                : {}),
              signal: AbortSignal.timeout(o.requestTimeoutMs ?? 10_000),
            },
          );
          const body = await r.text();
          o.outcomes?.push({ status: r.status, ms: Date.now() - started, body });
          if (r.ok) {
            const json = JSON.parse(body) as {
              review?: { id: string; cardId: string };
              next?: { card: { id: string } | null };
              card?: { id: string } | null;
            };
            if (json.review) {
              o.acks.push({
                userId: learner.userId,
                requestId,
                reviewId: json.review.id,
                cardId: json.review.cardId,
              });
              cardId = json.next?.card?.id ?? null;
            } else {
              cardId = json.card?.id ?? null;
            }
          } else if (r.status === 409) {
            cardId = null; // not due any more (e.g. reviewed before a crash): ask for the next
          }
        } catch {
          o.outcomes?.push({ status: 0, ms: Date.now() - started, body: "network error" });
          cardId = null;
          await new Promise((r) => setTimeout(r, 50));
        }
        if (o.pauseMs) await new Promise((r) => setTimeout(r, o.pauseMs));
      }
    }),
  );
}

export interface DbCheck {
  missingAcks: Ack[];
  /** Card states whose values are not those written by their latest review log. */
  statesWithoutLog: string[];
  logs: number;
  integrity?: string;
}

interface StateRow {
  userId: string;
  cardId: string;
  reps: number;
  due: string | Date;
  stability: number;
}
interface LogRow {
  id: string;
  userId: string;
  requestId: string;
  cardId: string;
  dueAfter: string | Date;
  stability: number;
  reviewedAt: string | Date;
}

/** Compares states and logs: every state changed by reviews matches its latest log. */
function compare(acks: Ack[], states: StateRow[], logs: LogRow[], initialReps: number): DbCheck {
  const byRequest = new Map(logs.map((l) => [`${l.userId}/${l.requestId}`, l]));
  const missingAcks = acks.filter(
    (a) => byRequest.get(`${a.userId}/${a.requestId}`)?.id !== a.reviewId,
  );
  const perCard = new Map<string, LogRow[]>();
  for (const l of logs) {
    const k = `${l.userId}/${l.cardId}`;
    perCard.set(k, [...(perCard.get(k) ?? []), l]);
  }
  const t = (v: string | Date) => new Date(v).getTime();
  const statesWithoutLog: string[] = [];
  for (const s of states) {
    const k = `${s.userId}/${s.cardId}`;
    const ls = (perCard.get(k) ?? []).sort((a, b) => t(a.reviewedAt) - t(b.reviewedAt));
    const last = ls.at(-1);
    if (s.reps !== initialReps + ls.length)
      statesWithoutLog.push(`${k}: reps ${s.reps}, ${ls.length} logs`);
    else if (last && (t(last.dueAfter) !== t(s.due) || last.stability !== s.stability))
      statesWithoutLog.push(`${k}: state differs from its last log`);
  }
  return { missingAcks, statesWithoutLog, logs: logs.length };
}

export function checkSqlite(file: string, acks: Ack[], initialReps: number): DbCheck {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join("; ");
    const states = db
      .prepare(`SELECT "userId", "cardId", "reps", "due", "stability" FROM "CardState"`)
      .all() as StateRow[];
    const logs = db
      .prepare(
        `SELECT "id", "userId", "requestId", "cardId", "dueAfter", "stability", "reviewedAt" FROM "ReviewLog"`,
      )
      .all() as LogRow[];
    return { ...compare(acks, states, logs, initialReps), integrity };
  } finally {
    db.close();
  }
}

export async function checkPostgres(
  url: string,
  acks: Ack[],
  initialReps: number,
): Promise<DbCheck> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const states = await c.query<StateRow>(
      `SELECT "userId", "cardId", "reps", "due", "stability" FROM "CardState"`,
    );
    const logs = await c.query<LogRow>(
      `SELECT "id", "userId", "requestId", "cardId", "dueAfter", "stability", "reviewedAt" FROM "ReviewLog"`,
    );
    return compare(acks, states.rows, logs.rows, initialReps);
  } finally {
    await c.end();
  }
}
