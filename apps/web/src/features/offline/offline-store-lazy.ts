// The offline store (IndexedDB through idb) loaded on first use, so the review page and the
// sign-out form start without it: it is not part of a page's first-load JavaScript. The same
// functions as ./offline-store (each returns a promise there too).
export type { QueuedReview, StoredWindow } from "./offline-store";

type Store = typeof import("./offline-store");

let loaded: Promise<Store> | null = null;

function lazy<K extends keyof Store>(name: K): Store[K] {
  const call = async (...args: unknown[]) => {
    loaded ??= import("./offline-store");
    const fn = (await loaded)[name] as (...a: unknown[]) => unknown;
    return fn(...args);
  };
  return call as Store[K];
}

export const readWindow = lazy("readWindow");
export const writeWindow = lazy("writeWindow");
export const markReviewed = lazy("markReviewed");
export const enqueue = lazy("enqueue");
export const readQueue = lazy("readQueue");
export const popLastQueued = lazy("popLastQueued");
export const settle = lazy("settle");
export const readRefused = lazy("readRefused");
export const clearRefused = lazy("clearRefused");
export const clearOfflineData = lazy("clearOfflineData");
