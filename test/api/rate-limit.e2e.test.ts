// The JSON API's rate limit over HTTP (apps/web/src/lib/api-rate-limit.ts): calls without a valid
// credential from one address are answered 429 with Retry-After once past their limit, while a
// valid token from that same address keeps its own allowance (authenticated calls are keyed on the
// token, never the address). The calls come from 127.0.0.2, an address of their own, so the other
// browser tests' anonymous calls from 127.0.0.1 are not limited by this one.
import { request } from "node:http";
import { createApiToken, type DbHandle, DEMO_ACCOUNTS, openDb } from "@strides/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const baseUrl = new URL(process.env.STRIDES_BASE_URL ?? "http://127.0.0.1:3000");

function get(
  path: string,
  token?: string,
): Promise<{ status: number; retryAfter: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        path,
        localAddress: "127.0.0.2",
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers["retry-after"] as string | undefined,
            text,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the JSON API's rate limit", () => {
  let handle: DbHandle;
  let token = "";
  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    token = (
      await createApiToken({
        db: handle.db,
        userId: DEMO_ACCOUNTS.learner.id,
        name: `rate-${Date.now()}`,
        now: new Date(),
      })
    ).token;
  });
  afterAll(async () => handle?.close());

  it("answers 429 with Retry-After past the limit without a credential, keyed on the token with one", async () => {
    const statuses = new Map<number, number>();
    let limited: Awaited<ReturnType<typeof get>> | undefined;
    // The front's own route (the review loop's), answered without Next: fast enough to outrun the
    // refill on a busy machine.
    for (let batch = 0; batch < 80 && !limited; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => get("/api/v1/review/next", "made-up-token")),
      );
      for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      limited = answers.find((a) => a.status === 429);
    }
    expect([...statuses.keys()].sort()).toEqual([401, 429]);
    expect(statuses.get(401)).toBeGreaterThanOrEqual(600);
    expect(Number(limited?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited?.text ?? "{}")).toMatchObject({
      error: { code: "RATE_LIMITED", key: "tooManyRequests" },
    });
    // The same address with a valid token: its own allowance, on Next's routes and the front's.
    expect((await get("/api/v1/decks", token)).status).toBe(200);
    expect((await get("/api/v1/review/next", token)).status).toBe(200);
  });
});
