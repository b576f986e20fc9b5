// Node flags and environment of the production server (`npm start`, and the bench and reliability
// tests' server).

/**
 * The production server's node flags.
 * - `--heap-growing-percent=20`: V8 normally lets the old generation grow to several times its
 *   live size before a full collection: the Next server lives in ~140 MB but reached ~500 MB of
 *   heap (930 MB RSS) while streaming a 640k-log backup, all of it garbage. A growth factor of 1.2
 *   collects sooner (peak RSS ~490 MB in the same download, 10% slower); unlike
 *   --max-old-space-size it sets no ceiling, so a large import can still use the memory it needs.
 * - The front's own, with pages in a process of their own (the default, STRIDES_PAGES_PROCESS; the
 *   pages process takes the other flags, pagesNodeFlags). They were measured while the pages ran on
 *   a thread of the front's process (before 2026-12-05), and kept for the front alone:
 *   - `--max-semi-space-size=4`: the front, which only answers the review API, keeps a young
 *     generation of 4 MB semi-spaces instead of letting them grow to 16 MB (with pages on the same
 *     thread it was left out: a render's young objects were promoted early, and the review p99 with
 *     dashboards went from 1.9× to 3.0× its figure alone).
 *   - `--single-threaded-gc`: each collection on the front's own thread, not on V8's helper
 *     threads (they ran the pages thread's collections at nice 0 beside the review API: the review
 *     p99 doubled).
 *   - `--no-memory-reducer`: V8's memory reducer shrinks a heap that looks idle with full,
 *     compacting collections, all on the thread with `--single-threaded-gc`; the front looks idle
 *     while it only passes a backup download on, and `--trace-gc` showed "Mark-Compact (reduce)"
 *     pauses of 40 and 98 ms there (loop held 34 and 76 ms; 7 and 4 ms without the reducer).
 */
const FRONT_ONLY_FLAGS = ["--max-semi-space-size=4", "--single-threaded-gc", "--no-memory-reducer"];

/** The production server's node flags for its environment `env` (see above). */
export function serverNodeFlags(env = process.env) {
  const pagesProcess = env.STRIDES_PAGES_PROCESS !== "0";
  return ["--heap-growing-percent=20", ...(pagesProcess ? FRONT_ONLY_FLAGS : [])];
}

/**
 * The pages process's young generation: 8 MB semi-spaces instead of V8's 16 (the pages process and
 * its SQLite read workers, which take the process's flags). Its peak RSS on the school bench went
 * from 289 to 265 MB (dashboards 248 -> 225), 2026-12-05. With 4 MB, the deck and statistics pages
 * held its loop 65 and 93 ms (young objects of a render promoted early).
 */
const PAGES_ONLY_FLAGS = ["--max-semi-space-size=8"];

/**
 * The pages process's node flags, from the front's (`execArgv`): the same (preloads, the heap's
 * growth, a profiler's) but for those above that are the front's own and its debugging ones, and with its own young
 * generation (PAGES_ONLY_FLAGS). Otherwise it keeps V8's defaults: collections helped by V8's
 * helper threads (its own, lowered with it) and the memory reducer (its pauses hold only the
 * pages).
 */
export function pagesNodeFlags(execArgv = process.execArgv) {
  const passed = execArgv.filter(
    (flag) => !FRONT_ONLY_FLAGS.includes(flag) && !FRONT_DEBUG_FLAG.test(flag),
  );
  return [...passed, ...PAGES_ONLY_FLAGS];
}

/**
 * Debugging flags that name one thing for one process: the inspector's port (the pages process
 * would fail to bind it) and a profile's file name (both would write the same file). The pages
 * process is debugged with `node --inspect … --pages <socket>` by hand.
 */
const FRONT_DEBUG_FLAG = /^--(inspect(-brk|-wait|-port)?|(cpu|heap)-prof-name)(=|$)/;

/**
 * The production server's environment: `env` with the allocator setting. glibc gives each thread
 * that allocates its own malloc arena (up to 8 per core), and memory freed in one arena is not
 * reused by another: the server's threads (the review API's, the pages', SQLite read workers, V8's helpers)
 * each kept their own high-water mark. Two arenas: RSS 10–35 MB lower on the school bench. A value
 * the user set is kept.
 */
export function serverEnv(env = process.env) {
  return { MALLOC_ARENA_MAX: "2", ...env };
}
