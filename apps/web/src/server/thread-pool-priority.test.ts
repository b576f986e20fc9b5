import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { lowerThreadPoolPriority, threadPoolSize } from "./thread-pool-priority";

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
