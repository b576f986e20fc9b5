// Drives "submit a rating for the current card and get the next one" (POST /api/v1/reviews) with
// autocannon: one connection per simulated learner, each with its own API token and its own due
// cards; the card of each request is the one the previous response returned.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import type { Learner } from "./load-fixture.ts";

export interface LearnerCursor {
  learner: Learner;
  /** The card to rate next; null when the last response had no next card. */
  cardId: string | null;
  sent: number;
}

export function learnerCursors(learners: Learner[], firstCardId: string): LearnerCursor[] {
  return learners.map((learner) => ({ learner, cardId: firstCardId, sent: 0 }));
}

/** Mostly Good, some Again / Hard / Easy: the mix of a real session. */
export function ratingFor(n: number): 1 | 2 | 3 | 4 {
  const k = n % 20;
  return k === 0 ? 1 : k === 1 ? 2 : k === 2 ? 4 : 3;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  /** Successful reviews per second. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Socket errors + timeouts + non-2xx responses. */
  errors: number;
  statuses: Record<string, number>;
  /** Learners that ran out of due cards. */
  exhausted: number;
  sampleError?: string;
}

export interface LoadOptions {
  baseUrl: string;
  cursors: LearnerCursor[];
  deckId: string;
  seconds: number;
  /**
   * Closed loop: requests in flight (at most cursors.length); each connection sends its next request
   * on a response, for the next idle learner.
   */
  connections: number;
}

const runTag = randomBytes(4).toString("hex");

export async function runReviewLoad(o: LoadOptions): Promise<LoadResult> {
  // autocannon resets a connection's context before every request, so learners are not bound to
  // connections: each request takes an idle learner and gives it back with its response. A learner
  // never has two requests in flight, and its next card is the one its last response returned.
  const idle = [...o.cursors];
  const inFlight = new Set<LearnerCursor>();
  let overflow = 0;
  let ok = 0;
  const statuses: Record<string, number> = {};
  let sampleError: string | undefined;
  const exhausted = new Set<string>();
  const instance = autocannon({
    url: o.baseUrl,
    connections: o.connections,
    duration: o.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest(req, context) {
          const cursor = idle.shift() ?? o.cursors[overflow++ % o.cursors.length]!;
          context.cursor = cursor;
          inFlight.add(cursor);
          const headers = {
            authorization: `Bearer ${cursor.learner.token}`,
            "content-type": "application/json",
          };
          if (!cursor.cardId) {
            return {
              ...req,
              method: "GET",
              path: `/api/v1/review/next?deck=${encodeURIComponent(o.deckId)}`,
              headers,
              body: "",
            };
          }
          const n = cursor.sent++;
          return {
            ...req,
            method: "POST",
            path: "/api/v1/reviews",
            headers,
            body: JSON.stringify({
              requestId: `${runTag}-${cursor.learner.userId}-${n}`,
              cardId: cursor.cardId,
              rating: ratingFor(n),
              durationMs: 4000 + (n % 7) * 1000,
              deck: o.deckId,
            }),
          };
        },
        onResponse(status, body, context) {
          const cursor = context.cursor as LearnerCursor;
          idle.push(cursor);
          inFlight.delete(cursor);
          // Not due any more (e.g. its review was committed as a previous run ended): ask for the next.
          if (status === 409) cursor.cardId = null;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            try {
              const json = JSON.parse(body) as {
                review?: unknown;
                next?: { card?: { id?: string } | null };
                card?: { id?: string } | null;
              };
              const next = json.review ? json.next?.card : json.card;
              if (json.review) ok++;
              cursor.cardId = next?.id ?? null;
              if (!cursor.cardId) exhausted.add(cursor.learner.userId);
            } catch {
              sampleError ??= `unparsable body: ${body.slice(0, 200)}`;
            }
          } else {
            sampleError ??= `${status}: ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  });
  const r = await instance;
  // Requests cut off by the end of the run may have been recorded: their learners start the next
  // run by asking for their next card.
  for (const c of inFlight) c.cardId = null;
  return {
    seconds: o.seconds,
    requests: r.requests.total,
    rps: ok / o.seconds,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
    statuses,
    exhausted: exhausted.size,
    ...(sampleError ? { sampleError } : {}),
  };
}
