import { describe, expect, it } from "vitest";
import {
  API_ANONYMOUS_RATE,
  API_RATE,
  apiCallerKey,
  limitAnonymousApiCall,
  RateLimiter,
} from "./api-rate-limit";

describe("RateLimiter", () => {
  it("lets a burst through, then one request per refill, and says how long to wait", () => {
    const limiter = new RateLimiter({ burst: 3, perSecond: 2 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t0))).toEqual([0, 0, 0]);
    expect(limiter.take("a", t0)).toBe(1);
    // Another key has its own bucket.
    expect(limiter.take("b", t0)).toBe(0);
    // Half a second refills one request at 2 a second.
    expect(limiter.take("a", t0 + 500)).toBe(0);
    expect(limiter.take("a", t0 + 500)).toBe(1);
    // Never more than the burst, however long the pause.
    const later = t0 + 3_600_000;
    expect([1, 2, 3, 4].map(() => limiter.take("a", later))).toEqual([0, 0, 0, 1]);
  });

  it("leaves a learner's pace and the load bench's per-token pace unlimited", () => {
    const limiter = new RateLimiter(API_RATE);
    // 1,000 requests of one token at once (the reliability suite's exactly-once check), then
    // 100 a second for ten minutes (closed-loop load tests do 15 to 80 per token).
    const t0 = 0;
    for (let i = 0; i < 1000; i++) expect(limiter.take("token", t0)).toBe(0);
    for (let ms = 0; ms < 600_000; ms += 10) expect(limiter.take("token", t0 + ms)).toBe(0);
  });
});

describe("apiCallerKey", () => {
  it("keys a call on its bearer token (hashed) or its account, never its address", () => {
    const a = apiCallerKey({ userId: "u1", token: "tok-1" });
    expect(a).toMatch(/^token:/);
    expect(a).not.toContain("tok-1");
    expect(apiCallerKey({ userId: "u1", token: "tok-2" })).not.toBe(a);
    expect(apiCallerKey({ userId: "u1" })).toBe("account:u1");
  });
});

describe("limitAnonymousApiCall", () => {
  it("counts calls without a credential per IPv6 /64, so rotating addresses in it gains nothing", () => {
    const now = 5_000_000;
    let refused = 0;
    for (let i = 0; i <= API_ANONYMOUS_RATE.burst; i++) {
      try {
        limitAnonymousApiCall({ address: `2001:db8:77:1::${i.toString(16)}`, now });
      } catch {
        refused++;
      }
    }
    expect(refused).toBe(1);
    // Another /64 has its own bucket.
    expect(() => limitAnonymousApiCall({ address: "2001:db8:77:2::1", now })).not.toThrow();
  });
});
