// Node flags and environment of the production server (`npm start`, and the bench and reliability
// tests' server).

/**
 * The production server's node flags for its environment `env`.
 * - `--heap-growing-percent=20`: V8 normally lets the old generation grow to several times its
 *   live size before a full collection: the Next server lives in ~140 MB but reached ~500 MB of
 *   heap (930 MB RSS) while streaming a 640k-log backup, all of it garbage. A growth factor of 1.2
 *   collects sooner (peak RSS ~490 MB in the same download, 10% slower); unlike
 *   --max-old-space-size it sets no ceiling, so a large import can still use the memory it needs.
 * - `--max-semi-space-size=4` with pages on their own thread (the default, STRIDES_PAGES_THREAD):
 *   the front thread, which only answers the review API, keeps a young generation of 4 MB
 *   semi-spaces instead of letting them grow to 16 MB. The pages thread and the helper threads get
 *   their own limits (pages-thread.ts lifts the flag before starting them). With the arenas below
 *   and Next started without its compiler (next-app.ts), the instructor suite's peak RSS with the
 *   pages thread went from 613 to 470 MB (SQLite). With pages rendered on
 *   this thread it is left out: a render's young objects were promoted early and the review p99
 *   with dashboards went from 1.9× to 3.0× its figure alone.
 * - `--single-threaded-gc` with the pages thread: V8 does each thread's garbage collection on that
 *   thread, not on its shared helper threads. Those helpers ran the pages thread's collections at
 *   nice 0 beside the review API: measured, V8's four helpers went from 5% to 35% of a core while
 *   dashboards were requested back to back (Postgres school bench), and the review p99 doubled.
 *   Optimising compilation stays on the helpers, which the server lowers to nice 10 at start-up
 *   (production-server.ts): with `--single-threaded`, which also compiled on the calling thread,
 *   the pages thread's loop was held 40–126 ms by a compilation in the middle of a page (12
 *   dashboard pages in turn: longest 62–97 ms per run; 24–35 ms with this flag). Cost, with the
 *   earlier flag: SQLite's peak RSS 498 → 505 MB in one run each. With one thread, the helpers keep
 *   shortening its pauses: left out.
 * - `--no-memory-reducer` with the pages thread: V8's memory reducer shrinks a heap that looks idle
 *   with full, compacting collections, and with `--single-threaded-gc` each one's pause is all on
 *   its thread. The front thread looks idle whenever no review comes for a while, even while it
 *   streams a backup download from the pages thread: `--trace-gc` showed "Mark-Compact (reduce)"
 *   pauses of 40 and 98 ms on it there, which held its loop 34 and 76 ms (7 and 4 ms without the
 *   reducer, same download, Postgres school bench). Heaps still shrink at their ordinary full
 *   collections, which `--heap-growing-percent` keeps frequent.
 */
export function serverNodeFlags(env = process.env) {
  const pagesThread = env.STRIDES_PAGES_THREAD !== "0";
  return [
    "--heap-growing-percent=20",
    ...(pagesThread
      ? ["--max-semi-space-size=4", "--single-threaded-gc", "--no-memory-reducer"]
      : []),
  ];
}

/**
 * The production server's environment: `env` with the allocator setting. glibc gives each thread
 * that allocates its own malloc arena (up to 8 per core), and memory freed in one arena is not
 * reused by another: the server's threads (front, pages thread, SQLite read workers, V8's helpers)
 * each kept their own high-water mark. Two arenas: RSS 10–35 MB lower on the school bench. A value
 * the user set is kept.
 */
export function serverEnv(env = process.env) {
  return { MALLOC_ARENA_MAX: "2", ...env };
}
