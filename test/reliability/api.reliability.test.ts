// Through the JSON API of the production server on SQLite:
// - exactly once: 1,000 concurrent POST /api/v1/reviews with one request id record one review;
//   different request ids for one card at one moment are serialised;
// - fuzzing (fast-check): arbitrary bodies never get a 500 or crash the process; every rejection is
//   a 4xx with a JSON error whose message names the field.
import { Agent, request } from "node:http";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDb, freshSqliteDb } from "../../bench/lib/databases.ts";
import { createLoadFixture, type LoadFixture } from "../../bench/lib/load-fixture.ts";
import { ensureWebBuild, startWebServer, type WebServer } from "../../bench/lib/web-server.ts";

const RUNS = Number(process.env.STRIDES_FUZZ_RUNS ?? 150);

let db: FreshDb;
let fx: LoadFixture;
let server: WebServer;
beforeAll(async () => {
  ensureWebBuild();
  db = await freshSqliteDb();
  fx = await createLoadFixture({ url: db.url, learners: 4, cards: 50, now: new Date() });
  server = await startWebServer({ databaseUrl: db.url });
}, 900_000);
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

// At most 64 sockets: 1,000 requests are issued at once and queue on the client side, rather than
// 1,000 simultaneous connections overflowing the server's listen backlog.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One request; a connection reset before the answer is retried with the same body (as clients do). */
async function call(
  path: string,
  init: { method?: string; body?: string; token?: string } = {},
): Promise<{ status: number; text: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await callOnce(path, init);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (attempt >= 5 || (code !== "ECONNRESET" && code !== "EPIPE")) throw e;
    }
  }
}

function callOnce(
  path: string,
  init: { method?: string; body?: string; token?: string },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.baseUrl}${path}`,
      {
        agent,
        method: init.method ?? "POST",
        headers: {
          authorization: `Bearer ${init.token ?? fx.learners[0]!.token}`,
          "content-type": "application/json",
        },
        timeout: 120_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

function sql<T>(query: string, ...params: unknown[]): T[] {
  const d = new Database(db.file!, { readonly: true });
  try {
    return d.prepare(query).all(...params) as T[];
  } finally {
    d.close();
  }
}

describe("exactly once through the API", () => {
  it("1,000 concurrent submissions with the same request id: one log, one state change", async () => {
    const learner = fx.learners[1]!;
    const cardId = fx.cardIds[0]!;
    const body = JSON.stringify({ requestId: "http-same-id", cardId, rating: 3, durationMs: 4000 });
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => call("/api/v1/reviews", { body, token: learner.token })),
    );
    const statuses = new Map<number, number>();
    for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    // 201 once, 200 (duplicate) for the others; a loser of the race may get 409 CONFLICT.
    expect(statuses.get(201)).toBe(1);
    for (const s of statuses.keys()) expect([200, 201, 409], `status ${s}`).toContain(s);
    const logs = sql<{ n: number }>(
      `SELECT count(*) AS n FROM "ReviewLog" WHERE "userId" = ? AND "cardId" = ?`,
      learner.userId,
      cardId,
    );
    expect(logs[0]!.n).toBe(1);
    const state = sql<{ reps: number }>(
      `SELECT "reps" FROM "CardState" WHERE "userId" = ? AND "cardId" = ?`,
      learner.userId,
      cardId,
    );
    expect(state[0]!.reps).toBe(4);
  });

  it("different request ids for one card at one moment are serialised", async () => {
    const learner = fx.learners[2]!;
    const cardId = fx.cardIds[1]!;
    // The card is due for review: Again makes it relearning and due within the learn-ahead limit,
    // so every submission may be recorded — but each must start from the state the previous left.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call("/api/v1/reviews", {
          token: learner.token,
          body: JSON.stringify({
            requestId: `http-diff-${i}`,
            cardId,
            rating: 1,
            durationMs: 4000,
          }),
        }),
      ),
    );
    for (const r of results) expect([201, 409], r.text).toContain(r.status);
    const ok = results.filter((r) => r.status === 201).length;
    expect(ok).toBeGreaterThan(0);
    const logs = sql<{ previous: string | null }>(
      `SELECT "previous" FROM "ReviewLog" WHERE "userId" = ? AND "cardId" = ?`,
      learner.userId,
      cardId,
    );
    expect(logs).toHaveLength(ok);
    const repsBefore = logs
      .map((l) => (JSON.parse(l.previous ?? "{}") as { reps: number }).reps)
      .sort((a, b) => a - b);
    expect(repsBefore).toEqual(Array.from({ length: ok }, (_, i) => 3 + i));
  });
});

/** Values of every JSON type, and the fields' own names with wrong types. */
const jsonValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);
const reviewLike = fc.record(
  {
    requestId: jsonValue,
    cardId: fc.oneof(jsonValue, fc.constantFrom("bc000010", "bc000011", "../x", "")),
    rating: fc.oneof(jsonValue, fc.integer({ min: -2, max: 6 })),
    answer: jsonValue,
    durationMs: fc.oneof(jsonValue, fc.integer({ min: -10, max: 100_000_000 })),
    deck: jsonValue,
  },
  { requiredKeys: [] },
);
const anyBody = fc.oneof(
  reviewLike.map((b) => JSON.stringify(b)),
  fc.json(),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("", "{", "null", "[]", '{"__proto__":{"x":1}}', "\u0000"),
);

async function expectCleanRejection(path: string, method: string, body: string) {
  const r = await call(path, { method, ...(method === "GET" ? {} : { body }) });
  expect(
    r.status,
    `${method} ${path} ${body.slice(0, 200)} → ${r.text.slice(0, 300)}`,
  ).toBeLessThan(500);
  if (r.status >= 400) {
    const json = JSON.parse(r.text) as { error?: { message?: string; field?: string } };
    expect(typeof json.error?.message, r.text).toBe("string");
    if (r.status === 400) {
      // The field is named in the message (a body that is not JSON at all: "body").
      expect(json.error!.message, r.text).toContain(json.error?.field ?? "body");
    }
  }
}

describe("fuzzing the JSON API", () => {
  const cases: [string, string][] = [
    ["/api/v1/reviews", "POST"],
    ["/api/v1/reviews/undo", "POST"],
    ["/api/v1/review/check", "POST"],
    ["/api/v1/cards/bc000012/suspend", "POST"],
    ["/api/v1/cards/bc000013/bury", "POST"],
  ];
  for (const [path, method] of cases) {
    it(`${method} ${path}: arbitrary bodies get a 2xx or a 4xx naming the field`, async () => {
      await fc.assert(
        fc.asyncProperty(anyBody, (body) => expectCleanRejection(path, method, body)),
        { numRuns: RUNS },
      );
    });
  }
  it("GET /api/v1/review/next and /api/v1/cards/:id with arbitrary query and id", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 120 }), async (s) => {
        await expectCleanRejection(`/api/v1/review/next?deck=${encodeURIComponent(s)}`, "GET", "");
        await expectCleanRejection(`/api/v1/cards/${encodeURIComponent(s) || "x"}`, "GET", "");
      }),
      { numRuns: RUNS },
    );
  });
  it("the server is still up and serving reviews", async () => {
    const r = await call(`/api/v1/review/next?deck=${fx.deckId}`, { method: "GET" });
    expect(r.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
