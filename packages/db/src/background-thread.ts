// Worker threads do the heavy work (reads of a school's logs, a restore's writes, the optimiser, the
// backup's snapshot and text) so the event loop stays free for learners' reviews.
// On a machine with few cores they still compete with it for a core: with the database and a
// worker or two busy, the event loop's thread waited up to 50 ms for the CPU while doing nothing
// (a restore's profile: 2 ms of work in a 38 ms stall). Each worker lowers its own thread's OS
// priority (nice 10) first: the scheduler then runs the event loop first, and the heavy work takes
// whatever CPU is left. Linux only (a thread's nice value is its own there, set by its thread id);
// elsewhere nothing changes. The WAL checkpointer keeps the process's priority: it must keep pace
// with the reviews' writes (behind, the WAL grows and every read slows; at nice 10, with the load
// beside it, the review p99 alone went from 37 to 60 ms).

/** The nice value of the worker threads (0 is the event loop's; 19 the lowest priority). */
export const BACKGROUND_NICE = 10;

/** Plain CommonJS that lowers its thread's priority to `nice` (never raises it). */
function lowerPrioritySource(nice: number): string {
  return `
try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  const os = require("node:os");
  // Never raises a priority (a process already niced further keeps its own).
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Math.max(${nice}, os.getPriority(tid)));
} catch {
  // Not Linux, or no /proc: the thread keeps the process's priority.
}
`;
}

/**
 * V8 limits of the server's long-lived helper threads (SQLite read workers, the WAL checkpointer):
 * a young generation of 4 MB semi-spaces instead of V8's 16 MB. A read worker turns a school's rows
 * into messages and its semi-spaces grew to the full 16 MB each, kept for the server's life; its
 * objects die young (each result is posted away), so a smaller nursery costs little.
 */
export const HELPER_THREAD_LIMITS = { maxYoungGenerationSizeMb: 12 } as const;

/** Plain CommonJS, put first in every worker's evaluated source. */
export const LOWER_THREAD_PRIORITY = lowerPrioritySource(BACKGROUND_NICE);
