// Reuse of a costly result for a time proportional to what it cost (the instructor's dashboard):
// a result that took `ms` to compute is served again for `reuseFactor × ms`, so recomputing one key
// takes at most about 1/reuseFactor of the server's time however often it is asked for, while a
// cheap result (a small group's dashboard) is recomputed on every request. Callers asking for a key
// while it is being computed share that computation. Server only; one process's memory.
import { LRUCache } from "lru-cache";

export interface CostBoundedCacheOptions {
  /** A result that took `ms` is reused for `reuseFactor × ms`. */
  reuseFactor: number;
  /** Never reused longer than this (ms). */
  maxAgeMs: number;
  maxEntries: number;
  /** The clock (ms); tests pass their own. */
  now?: () => number;
}

export interface Computed<T> {
  value: T;
  /** When the value was computed (its figures are as of then). */
  computedAt: Date;
}

interface Entry<T> {
  done: Promise<Computed<T>>;
  /** Reused until then (ms); Infinity while the computation runs. */
  until: number;
}

export function costBoundedCache<T>(o: CostBoundedCacheOptions) {
  const now = o.now ?? (() => Date.now());
  const entries = new LRUCache<string, Entry<T>>({ max: o.maxEntries });
  return {
    /** The value for `key`: reused while fresh, else computed (once for all who ask meanwhile). */
    get(key: string, compute: () => Promise<T>): Promise<Computed<T>> {
      const hit = entries.get(key);
      if (hit && now() < hit.until) return hit.done;
      const started = now();
      const entry: Entry<T> = {
        until: Number.POSITIVE_INFINITY,
        done: compute().then(
          (value) => {
            const cost = now() - started;
            entry.until = started + cost + Math.min(o.maxAgeMs, o.reuseFactor * cost);
            return { value, computedAt: new Date(started) };
          },
          (error: unknown) => {
            // A failure is not kept: the next request computes again.
            if (entries.get(key) === entry) entries.delete(key);
            throw error;
          },
        ),
      };
      entries.set(key, entry);
      return entry.done;
    },
  };
}
