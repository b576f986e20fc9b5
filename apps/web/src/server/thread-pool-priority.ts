// Lowering a process's threads to the pages' priority (nice 10). The pages process
// (pages-server.ts) lowers itself whole (lowerThisProcess): its scheduling group, its main thread
// (the threads it starts later inherit that), the threads Node and V8 start with it
// (lowerStartupThreads: V8's platform workers, which compile optimised code and help its garbage
// collections, and their delayed-task scheduler) and libuv's thread pool (lowerThreadPoolPriority:
// Next's gzip of every page, file reads, password hashes), which run at the process's priority
// until lowered.
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
  writeFileSync,
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

/**
 * Lowers this whole process to `nice` (never raises it): its scheduling group where Linux groups
 * by session (autogroups: /proc/self/autogroup, which only a process in a session of its own should
 * change: it is the whole session's), its main thread (threads it starts later inherit that), the
 * threads Node and V8 started with it, and libuv's pool. Elsewhere, as much of it as applies.
 */
export async function lowerThisProcess(nice: number): Promise<void> {
  await lowerAutogroup(nice);
  try {
    lowerThread(process.pid, nice);
  } catch {
    // Not permitted here: the process keeps its priority.
  }
  lowerStartupThreads(nice);
  await lowerThreadPoolPriority(nice);
}

/**
 * Sets this session's autogroup nice value to `nice` unless it is already lower (Linux with
 * CONFIG_SCHED_AUTOGROUP; elsewhere nothing). The kernel takes one change a tenth of a second
 * (EAGAIN otherwise): a few retries.
 */
async function lowerAutogroup(nice: number): Promise<void> {
  const file = "/proc/self/autogroup";
  let current: number;
  try {
    // "/autogroup-123 nice 0"
    const m = / nice (-?\d+)/.exec(readFileSync(file, "utf8"));
    if (!m) return;
    current = Number(m[1]);
  } catch {
    return;
  }
  if (current >= nice) return;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      writeFileSync(file, String(nice));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
      await sleep(110);
    }
  }
}
