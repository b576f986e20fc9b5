import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { budgetedReads, PageBudget } from "./page-budget";

/** A budget on a clock and a CPU counter the test moves. */
function setup(o: { share?: number; burstMs?: number; maxWaitMs?: number } = {}) {
  const clock = { now: 0, cpu: 0 };
  const budget = new PageBudget({
    share: o.share ?? 0.25,
    burstMs: o.burstMs ?? 1_000,
    maxWaitMs: o.maxWaitMs ?? 10_000,
    now: () => clock.now,
    cpuMs: () => clock.cpu,
  });
  /** One request of `key`'s that uses `cpu` ms of CPU over as much wall time, after its wait. */
  const request = (key: string, cpu: number) => {
    const wait = budget.waitMs(key);
    clock.now += wait;
    const end = budget.begin(key);
    clock.now += cpu;
    clock.cpu += cpu;
    end();
    return wait;
  };
  return { clock, budget, request };
}

describe("PageBudget", () => {
  it("never holds a requester within its credit", () => {
    const { request } = setup();
    // Nine heavy pages in a row (900 ms of CPU): within the 1,000 ms of credit.
    const waits = Array.from({ length: 9 }, () => request("instructor", 100));
    expect(waits).toEqual(Array(9).fill(0));
  });

  it("holds a requester rendering back to back to its share of a core", () => {
    const { clock, request } = setup({ share: 0.25 });
    for (let i = 0; i < 30; i++) request("instructor", 100);
    // Past its credit, each 100-ms page is followed by a wait of 300 ms: a quarter of the time.
    const start = clock.now;
    const waits = Array.from({ length: 20 }, () => request("instructor", 100));
    for (const wait of waits) expect(wait).toBeCloseTo(300, 6);
    expect((20 * 100) / (clock.now - start)).toBeCloseTo(0.25, 6);
  });

  it("charges one requester's debt to it alone", () => {
    const { request } = setup();
    for (let i = 0; i < 30; i++) request("instructor", 100);
    expect(request("instructor", 100)).toBeGreaterThan(0);
    expect(request("learner", 100)).toBe(0);
  });

  it("pays a debt back with time", () => {
    const { clock, budget, request } = setup({ share: 0.5, burstMs: 0 });
    request("instructor", 200);
    expect(budget.waitMs("instructor")).toBe(400);
    clock.now += 300;
    expect(budget.waitMs("instructor")).toBe(100);
    clock.now += 100;
    expect(budget.waitMs("instructor")).toBe(0);
  });

  it("never holds a request longer than maxWaitMs, and forgets the rest of a long one", () => {
    const { clock, budget, request } = setup({ share: 0.1, burstMs: 0, maxWaitMs: 2_000 });
    request("exporter", 5_000);
    expect(budget.waitMs("exporter")).toBe(2_000);
    clock.now += 2_000;
    expect(budget.waitMs("exporter")).toBe(0);
  });

  it("splits the CPU evenly between the requests in progress", () => {
    const { clock, budget } = setup({ share: 1, burstMs: 0 });
    const endA = budget.begin("a");
    clock.cpu += 100; // a alone
    const endB = budget.begin("b");
    clock.cpu += 100; // a and b
    endA();
    clock.cpu += 50; // b alone
    endB();
    // a: 100 + 50; b: 50 + 50 (no wall time has passed, so nothing is paid back).
    expect(budget.waitMs("a")).toBe(150);
    expect(budget.waitMs("b")).toBe(100);
  });

  it("refuses a share outside (0, 1]", () => {
    const o = { burstMs: 0, maxWaitMs: 0, now: () => 0, cpuMs: () => 0 };
    expect(() => new PageBudget({ ...o, share: 0 })).toThrow(RangeError);
    expect(() => new PageBudget({ ...o, share: 1.5 })).toThrow(RangeError);
  });
});

describe("budgetedReads", () => {
  /** A real server whose every request uses 100 ms of (counted) CPU; holds are recorded, not slept. */
  async function serve() {
    const clock = { now: 0, cpu: 0 };
    const budget = new PageBudget({
      share: 0.5,
      burstMs: 0,
      maxWaitMs: 1_000,
      now: () => clock.now,
      cpuMs: () => clock.cpu,
    });
    const holds: { path: string; ms: number }[] = [];
    const server = createServer(
      budgetedReads(
        budget,
        (req, res) => {
          clock.cpu += 100;
          res.end(req.method);
        },
        (ms, go) => {
          holds.push({ path: "held", ms });
          go();
        },
      ),
    );
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
      const r = await fetch(`${base}${path}`, { method, headers });
      await r.text();
    };
    return { holds, get, close: () => new Promise((done) => server.close(done)) };
  }

  it("holds a session's next read by its debt, and no one else's", async () => {
    const s = await serve();
    try {
      const instructor = { cookie: "theme=dark; better-auth.session_token=abc.sig" };
      await s.get("/groups/demo/dashboard", instructor);
      expect(s.holds).toEqual([]);
      await s.get("/groups/demo/dashboard", instructor);
      // 100 ms of CPU at half a core: held 200 ms.
      expect(s.holds).toEqual([{ path: "held", ms: 200 }]);
      await s.get("/review", { cookie: "better-auth.session_token=other.sig" });
      await s.get("/api/v1/decks", { authorization: "Bearer token-1" });
      expect(s.holds).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("never holds writes or Next's static files, and does not charge writes", async () => {
    const s = await serve();
    try {
      const cookie = { cookie: "__Secure-better-auth.session_token=abc.sig" };
      await s.get("/dashboard", cookie);
      await s.get("/_next/static/chunks/app.js", cookie);
      await s.get("/groups/demo", cookie, "POST");
      expect(s.holds).toEqual([]);
      // Charged: the page and the static file (100 ms each), not the POST.
      await s.get("/dashboard", cookie);
      expect(s.holds).toEqual([{ path: "held", ms: 400 }]);
    } finally {
      await s.close();
    }
  });
});
