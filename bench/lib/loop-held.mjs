// How long an event loop was held, told apart from how long its thread waited for a core.
//
// A timer's lateness (what monitorEventLoopDelay measures) is the time between when it was due and
// when it ran: the loop running something else (a request's synchronous work, a garbage
// collection, a blocking system call) and the thread waiting for a core while other threads or
// processes run. On a machine of two cores shared with the bench's own clients, the second often
// dominates, and in the pages process (nice 10) above all. Linux counts a thread's time spent
// runnable but not running in /proc/thread-self/schedstat (its second field, in ns): a timer that
// ticks every `resolutionMs` reads it, and each tick's lateness less the thread's wait for a core
// over the same span is the time the loop itself was held.
import { readFileSync } from "node:fs";

const SCHEDSTAT = "/proc/thread-self/schedstat";

/** The calling thread's time spent waiting for a core so far, in ms (null where Linux does not say). */
function waitedMs() {
  try {
    const fields = readFileSync(SCHEDSTAT, "utf8").split(" ");
    return Number(fields[1]) / 1e6;
  } catch {
    return null;
  }
}

/**
 * Starts a sampler on the calling thread's event loop (its timer does not keep the process alive).
 * `take()` returns, since the start or the last `take()`, the longest a tick was late (`wallMs`),
 * the longest a tick was late less the thread's wait for a core meanwhile (`ownMs`: the loop
 * itself held; equal to `wallMs` where schedstat cannot be read) and resets both.
 */
export function startLoopHeld(resolutionMs = 5) {
  let wallMs = 0;
  let ownMs = 0;
  let last = performance.now();
  let lastWait = waitedMs();
  const tick = () => {
    const now = performance.now();
    const wait = waitedMs();
    const late = Math.max(0, now - last - resolutionMs);
    const waited = wait !== null && lastWait !== null ? wait - lastWait : 0;
    wallMs = Math.max(wallMs, late);
    ownMs = Math.max(ownMs, Math.max(0, late - waited));
    last = now;
    lastWait = wait;
  };
  const timer = setInterval(tick, resolutionMs);
  timer.unref();
  return {
    take() {
      tick();
      const held = { wallMs, ownMs };
      wallMs = 0;
      ownMs = 0;
      return held;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
