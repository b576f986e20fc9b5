import { describe, expect, it } from "vitest";
import { costBoundedCache } from "./cost-bounded-cache";

/** A computation that takes `ms` on the test's clock and counts its calls. */
function setup(reuseFactor = 10, maxAgeMs = 60_000) {
  let t = 1_000_000;
  let calls = 0;
  const cache = costBoundedCache<number>({ reuseFactor, maxAgeMs, maxEntries: 10, now: () => t });
  const costing = (ms: number) => async () => {
    calls++;
    t += ms;
    return calls;
  };
  return {
    cache,
    costing,
    advance: (ms: number) => {
      t += ms;
    },
    calls: () => calls,
  };
}

describe("costBoundedCache", () => {
  it("reuses a result for reuseFactor times what it cost, then computes again", async () => {
    const s = setup(10);
    const first = await s.cache.get("g", s.costing(100)); // done at +100, reused until +1,100
    expect(first.value).toBe(1);
    s.advance(999);
    expect((await s.cache.get("g", s.costing(100))).value).toBe(1);
    s.advance(1);
    expect((await s.cache.get("g", s.costing(100))).value).toBe(2);
    expect(s.calls()).toBe(2);
  });

  it("recomputes a cheap result on every request", async () => {
    const s = setup(10);
    await s.cache.get("g", s.costing(0));
    await s.cache.get("g", s.costing(0));
    expect(s.calls()).toBe(2);
  });

  it("never reuses longer than maxAgeMs", async () => {
    const s = setup(10, 500);
    await s.cache.get("g", s.costing(1000));
    s.advance(500);
    expect((await s.cache.get("g", s.costing(1))).value).toBe(2);
  });

  it("dates a value from when its computation started", async () => {
    const s = setup(10);
    const r = await s.cache.get("g", s.costing(100));
    expect(r.computedAt.getTime()).toBe(1_000_000);
  });

  it("shares one computation between callers that ask while it runs", async () => {
    let release: (v: number) => void = () => undefined;
    let calls = 0;
    const cache = costBoundedCache<number>({ reuseFactor: 0, maxAgeMs: 0, maxEntries: 10 });
    const slow = () => {
      calls++;
      return new Promise<number>((r) => {
        release = r;
      });
    };
    const a = cache.get("g", slow);
    const b = cache.get("g", slow);
    release(7);
    expect([(await a).value, (await b).value]).toEqual([7, 7]);
    expect(calls).toBe(1);
  });

  it("keeps keys apart", async () => {
    const s = setup(10);
    await s.cache.get("a", s.costing(100));
    expect((await s.cache.get("b", s.costing(100))).value).toBe(2);
  });

  it("does not keep a failure", async () => {
    const s = setup(10);
    await expect(
      s.cache.get("g", async () => {
        throw new Error("database gone");
      }),
    ).rejects.toThrow("database gone");
    expect((await s.cache.get("g", s.costing(100))).value).toBe(1);
  });
});
