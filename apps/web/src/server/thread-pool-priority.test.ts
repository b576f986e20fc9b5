import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { lowerThreadPoolPriority, threadPoolSize } from "./thread-pool-priority";

/**
 * Runs lowerStartupThreads(10) first thing in a new Node process, then starts a worker thread:
 * the process's threads before the call, those it lowered, and each one's nice value afterwards.
 */
function startupThreadsInChild() {
  const module = pathToFileURL(join(import.meta.dirname, "thread-pool-priority.ts")).href;
  const script = `
    import { readdirSync } from "node:fs";
    import { getPriority } from "node:os";
    import { Worker } from "node:worker_threads";
    const { lowerStartupThreads } = await import(${JSON.stringify(module)});
    const before = readdirSync("/proc/self/task").map(Number);
    const lowered = lowerStartupThreads(10);
    const worker = await new Promise((resolve) => {
      const w = new Worker('import { parentPort } from "node:worker_threads"; import { getPriority } from "node:os"; parentPort.postMessage(getPriority(0));', { eval: true });
      w.once("message", (nice) => { resolve(nice); w.terminate(); });
    });
    const nice = Object.fromEntries(before.map((t) => [t, getPriority(t)]));
    console.log(JSON.stringify({ pid: process.pid, before, lowered, nice, worker }));
  `;
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
    pid: number;
    before: number[];
    lowered: number[];
    nice: Record<string, number>;
    worker: number;
  };
}

/** The threads that take `count` blocking opens of a new FIFO: found independently of the code. */
async function poolThreadsByHand(count: number): Promise<number[]> {
  const fifo = join(mkdtempSync(join(tmpdir(), "pool-test-")), "fifo");
  execFileSync("mkfifo", [fifo]);
  const opens = Array.from({ length: count }, () => open(fifo, "r"));
  let waiting: number[] = [];
  for (let i = 0; i < 200 && waiting.length < count; i++) {
    await sleep(5);
    waiting = readdirSync("/proc/self/task")
      .filter((t) => readFileSync(`/proc/self/task/${t}/wchan`, "utf8") === "wait_for_partner")
      .map(Number);
  }
  const writer = openSync(fifo, constants.O_RDWR);
  for (const h of await Promise.all(opens)) await h.close();
  closeSync(writer);
  return waiting.sort((a, b) => a - b);
}

describe("threadPoolSize", () => {
  it.each([
    [undefined, 4],
    ["8", 8],
    ["0", 4],
    ["nope", 4],
    ["5000", 1024],
  ])("UV_THREADPOOL_SIZE=%s gives %i", (value, size) => {
    expect(threadPoolSize({ UV_THREADPOOL_SIZE: value })).toBe(size);
  });
});

describe.skipIf(process.platform !== "linux")("lowerStartupThreads", () => {
  it("lowers every thread the process started with but the main one; later threads keep the main thread's", () => {
    // The child starts at this process's priority.
    const base = getPriority(process.pid);
    const r = startupThreadsInChild();
    const others = r.before.filter((t) => t !== r.pid);
    // Node starts V8's platform workers with the process: there is something to lower.
    expect(others.length).toBeGreaterThan(0);
    expect([...r.lowered].sort()).toEqual([...others].sort());
    for (const tid of others) expect(r.nice[tid]).toBe(Math.max(10, base));
    expect(r.nice[r.pid]).toBe(base);
    expect(r.worker).toBe(base);
  });
});

describe.skipIf(process.platform !== "linux")("lowerThreadPoolPriority", () => {
  it("lowers every thread of libuv's pool, and only those, to the given nice value", async () => {
    const before = getPriority(process.pid);
    const lowered = await lowerThreadPoolPriority(10);
    const nice = Math.max(before, 10);
    const size = threadPoolSize();
    expect(lowered).toHaveLength(size);
    for (const tid of lowered) expect(getPriority(tid)).toBe(nice);
    // The same threads take blocking work afterwards: they are the pool's.
    expect(await poolThreadsByHand(size)).toEqual([...lowered].sort((a, b) => a - b));
    // The calling thread keeps its priority, and the pool still works.
    expect(getPriority(process.pid)).toBe(before);
    expect(await readFile(join(import.meta.dirname, "thread-pool-priority.ts"), "utf8")).toMatch(
      /wait_for_partner/,
    );
  });

  it("releases the pool's threads when finding them fails", async () => {
    const lowered = await lowerThreadPoolPriority(10, 2000, () => {
      throw new Error("no /proc");
    });
    expect(lowered).toEqual([]);
    // Every thread of the pool takes work again (a blocked one would never answer).
    expect(await poolThreadsByHand(threadPoolSize())).toHaveLength(threadPoolSize());
  });

  it("never raises a thread's priority", async () => {
    const first = await lowerThreadPoolPriority(19);
    const again = await lowerThreadPoolPriority(5);
    expect(again.sort()).toEqual(first.sort());
    for (const tid of again) expect(getPriority(tid)).toBe(19);
  });
});

describe.skipIf(process.platform !== "linux")("lowerThisProcess", () => {
  it("lowers a process in a session of its own: its scheduling group, every thread, and later ones", async () => {
    const module = pathToFileURL(join(import.meta.dirname, "thread-pool-priority.ts")).href;
    const script = `
      import { readdirSync, readFileSync } from "node:fs";
      import { getPriority } from "node:os";
      import { Worker } from "node:worker_threads";
      const { lowerThisProcess } = await import(${JSON.stringify(module)});
      await lowerThisProcess(10);
      const worker = await new Promise((resolve) => {
        const w = new Worker('import { parentPort } from "node:worker_threads"; import { getPriority } from "node:os"; parentPort.postMessage(getPriority(0));', { eval: true });
        w.once("message", (nice) => { w.terminate().then(() => resolve(nice)); });
      });
      const threads = readdirSync("/proc/self/task").map((t) => getPriority(Number(t)));
      let group = null;
      try { group = readFileSync("/proc/self/autogroup", "utf8"); } catch {}
      console.log(JSON.stringify({ threads, worker, group }));
    `;
    const base = getPriority(process.pid);
    // detached: a session of its own (setsid), as the pages process is started.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        detached: true,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    await new Promise((resolve) => child.once("exit", resolve));
    const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
      threads: number[];
      worker: number;
      group: string | null;
    };
    const nice = Math.max(10, base);
    expect(r.threads.length).toBeGreaterThan(1);
    for (const n of r.threads) expect(n).toBe(nice);
    expect(r.worker).toBe(nice);
    // Where the kernel groups by session, the child's group (its own, new at nice 0) is lowered to
    // 10; ours is not.
    if (r.group !== null) {
      expect(r.group).toMatch(/ nice 10\b/);
      expect(readFileSync("/proc/self/autogroup", "utf8")).not.toBe(r.group);
    }
  });
});
