// The JSON API's request rate limit (/api/v1), in each server process's memory: a token bucket per
// caller, counted once the call is authenticated (so a database outage's fast 503s count nothing).
// An authenticated call counts against its bearer token, or its account for a session, never its
// address: many learners behind one address (a classroom's NAT, the load bench's 300 tokens) each
// have their own. The limit is far above a learner's pace (a few reviews a second), an API client's
// (the offline queue is sent as one batch) and a closed-loop load test's per token: it stops a
// runaway or hostile client. A call without a valid credential counts against its client address,
// with a lower limit.
import { createHash } from "node:crypto";
import { AppError } from "@strides/content";
import { rateLimitAddress } from "./client-address";

export interface RateRule {
  /** Requests a caller may send at once. */
  burst: number;
  /** Requests a second a caller may send, sustained. */
  perSecond: number;
}

/** Per bearer token, or per account for session calls. */
export const API_RATE: RateRule = { burst: 2000, perSecond: 200 };
/** Per client address, for calls without a valid credential (answered 401 until limited). */
export const API_ANONYMOUS_RATE: RateRule = { burst: 600, perSecond: 20 };

/** Buckets kept before the full ones (idle callers) are forgotten. */
const MAX_KEYS = 50_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets by key; `now` in milliseconds is a parameter (tests pass a clock). */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  constructor(readonly rule: RateRule) {}

  #fill(key: string, now: number): Bucket {
    const b = this.#buckets.get(key);
    if (!b) return { tokens: this.rule.burst, at: now };
    const tokens = Math.min(
      this.rule.burst,
      b.tokens + (Math.max(0, now - b.at) / 1000) * this.rule.perSecond,
    );
    return { tokens, at: now };
  }

  /** Takes one request for `key`: 0 when it may go, else the seconds until it may. */
  take(key: string, now: number): number {
    const b = this.#fill(key, now);
    if (b.tokens < 1) {
      this.#buckets.set(key, b);
      return Math.ceil((1 - b.tokens) / this.rule.perSecond);
    }
    b.tokens -= 1;
    this.#buckets.set(key, b);
    if (this.#buckets.size > MAX_KEYS) this.#forgetFull(now);
    return 0;
  }

  #forgetFull(now: number): void {
    for (const key of this.#buckets.keys()) {
      if (this.#fill(key, now).tokens >= this.rule.burst) this.#buckets.delete(key);
    }
  }
}

const perCaller = new RateLimiter(API_RATE);
const perAnonymousAddress = new RateLimiter(API_ANONYMOUS_RATE);

/** What an authenticated call counts against: its bearer token (hashed), or its account. */
export function apiCallerKey(caller: { userId: string; token?: string | undefined }): string {
  if (caller.token === undefined) return `account:${caller.userId}`;
  return `token:${createHash("sha256").update(caller.token).digest("base64url")}`;
}

function rateLimited(seconds: number): AppError {
  return new AppError("RATE_LIMITED", `too many requests; retry after ${seconds} s`, {
    key: "tooManyRequests",
    params: { seconds },
  });
}

/** Counts an authenticated /api/v1 call; RATE_LIMITED (429, `params.seconds`) past the limit. */
export function limitApiCaller(o: { key: string; now: number }): void {
  const wait = perCaller.take(o.key, o.now);
  if (wait > 0) throw rateLimited(wait);
}

/** Counts an /api/v1 call without a valid credential against its client address (an IPv6 /64). */
export function limitAnonymousApiCall(o: { address: string; now: number }): void {
  const wait = perAnonymousAddress.take(rateLimitAddress(o.address), o.now);
  if (wait > 0) throw rateLimited(wait);
}
