// The process's background threads at the pages' priority (nice 10), so that only the review API's
// thread, and the work it waits for, run at the process's own.
//
// Node's and V8's threads (V8's platform workers, which compile optimised code for every thread,
// and their delayed-task scheduler) start with the process, before any of the app's own threads:
// lowerStartupThreads lowers every thread but the main one at start-up. Threads started later by
// the main thread keep its priority unless they lower themselves (the pages thread and the SQLite
// read workers do).
//
// libuv's thread pool runs the process's compression (Next gzips every page), file reads and
// password hashing, at the process's priority: beside the review API's thread, at nice 0, while the
// pages that asked for that work render at nice 10 (next-worker.ts). The review API itself never
// uses the pool (its database calls are synchronous or sockets). So the pool's threads are lowered
// to the pages' priority too.
//
// Node gives no handle on those threads, and on Node 20 they carry no name. They are found by what
// they do: as many opens of a FIFO as the pool has threads are queued, each blocks its thread in
// the kernel until a writer opens it, and the threads seen waiting there (/proc/self/task/*/wchan)
// are the pool's. Opening the FIFO read-write (which never blocks) then releases them. Linux only;
// elsewhere, or if anything fails, nothing changes.
import { execFileSync } from "node:child_process";
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { getPriority, setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Lowers thread `tid` to `nice`; a thread already lower keeps its priority (never raised). */
function lowerThread(tid: number, nice: number): void {
  setPriority(tid, Math.max(nice, getPriority(tid)));
}

/**
 * Lowers every thread of this process but the main one to `nice` (never raises one); call it from
 * the main thread before it starts threads of its own. Returns their thread ids (empty where /proc
 * cannot be read: not Linux).
 */
export function lowerStartupThreads(nice: number): number[] {
  if (process.platform !== "linux") return [];
  try {
    const tids = readdirSync("/proc/self/task")
      .map(Number)
      .filter((tid) => tid !== process.pid);
    const lowered: number[] = [];
    for (const tid of tids) {
      try {
        lowerThread(tid, nice);
        lowered.push(tid);
      } catch {
        // The thread ended meanwhile.
      }
    }
    return lowered;
  } catch {
    return [];
  }
}

/** The pool's size as libuv reads it (UV_THREADPOOL_SIZE, default 4, at most 1024). */
export function threadPoolSize(env: Record<string, string | undefined> = process.env): number {
  const n = Number.parseInt(env.UV_THREADPOOL_SIZE ?? "", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1024) : 4;
}

/** This process's threads blocked opening a FIFO that has no writer yet. */
function threadsWaitingForFifo(): number[] {
  const tids: number[] = [];
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      if (readFileSync(`/proc/self/task/${tid}/wchan`, "utf8") === "wait_for_partner") {
        tids.push(Number(tid));
      }
    } catch {
      // The thread ended meanwhile.
    }
  }
  return tids;
}

/**
 * Lowers the priority of libuv's pool threads to `nice` (never raises one). Resolves with their
 * thread ids (empty when they could not be found: not Linux, no /proc or mkfifo). Waits at most
 * `waitMs` for the pool's threads to take the FIFO's opens (they finish what they are doing first).
 * `findWaiting` finds them (a test's stand-in may fail: the pool is released all the same).
 */
export async function lowerThreadPoolPriority(
  nice: number,
  waitMs = 2000,
  findWaiting: () => number[] = threadsWaitingForFifo,
): Promise<number[]> {
  if (process.platform !== "linux") return [];
  const size = threadPoolSize();
  let dir: string | null = null;
  try {
    dir = mkdtempSync(join(tmpdir(), "strides-pool-"));
    const fifo = join(dir, "fifo");
    execFileSync("mkfifo", ["-m", "600", fifo], { stdio: "ignore" });
    const opens = Array.from({ length: size }, () => open(fifo, "r"));
    let tids: number[] = [];
    try {
      const deadline = performance.now() + waitMs;
      while (tids.length < size && performance.now() < deadline) {
        await sleep(5);
        tids = findWaiting();
      }
    } finally {
      // Whatever happened above, the opens are released: until then they hold the pool's threads.
      // A read-write open never blocks, and it is the writer every pending open waits for.
      const writer = openSync(fifo, constants.O_RDWR);
      try {
        for (const r of await Promise.allSettled(opens)) {
          if (r.status === "fulfilled") await r.value.close();
        }
      } finally {
        closeSync(writer);
      }
    }
    for (const tid of tids) lowerThread(tid, nice);
    return tids;
  } catch {
    return [];
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
