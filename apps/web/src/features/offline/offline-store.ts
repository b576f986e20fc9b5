// The device's offline data in IndexedDB (through `idb`): the window of upcoming cards, the
// ratings waiting to be sent (in the order given) and the reviews the server refused (kept until
// the learner has seen them). Browser only.
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { TBatchOutcomeView, TReviewWindowView } from "./schema";

export const OFFLINE_DB_NAME = "strides-offline";

/** A rating given while offline (or whose request failed), waiting for the batch endpoint. */
export interface QueuedReview {
  seq?: number;
  requestId: string;
  cardId: string;
  /** Which queue the card was counted in (the offline counts). */
  queue: "new" | "learning" | "review";
  rating: 1 | 2 | 3 | 4;
  answer?: string;
  durationMs: number;
  /** ISO, the device's clock. */
  reviewedAt: string;
  /** The account the window belonged to: the server refuses a batch sent for another one. */
  userId: string;
}

export interface StoredWindow extends TReviewWindowView {
  /** The deck the window was read for ("" for every deck). */
  deck: string;
  /** Cards rated since the window was read (online or offline): not shown again from it. */
  reviewed: string[];
}

interface OfflineSchema extends DBSchema {
  window: { key: string; value: StoredWindow };
  queue: { key: number; value: QueuedReview };
  refused: { key: string; value: TBatchOutcomeView };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;
/** Set by signing out: nothing may open (and so re-create) the database in this page any more. */
let closedForGood = false;

export function offlineDb(): Promise<IDBPDatabase<OfflineSchema>> {
  if (closedForGood) return Promise.reject(new Error("signed out: offline data is cleared"));
  opened ??= openDB<OfflineSchema>(OFFLINE_DB_NAME, 1, {
    // Another tab signing out deletes the database: let it.
    blocking() {
      void opened?.then((db) => db.close());
      opened = null;
    },
    upgrade(db) {
      db.createObjectStore("window", { keyPath: "deck" });
      db.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
      db.createObjectStore("refused", { keyPath: "requestId" });
    },
  });
  return opened;
}

export async function readWindow(deck: string): Promise<StoredWindow | undefined> {
  return (await offlineDb()).get("window", deck);
}

export async function writeWindow(w: StoredWindow): Promise<void> {
  await (await offlineDb()).put("window", w);
}

/** Marks a card rated in the stored window (so it is not offered again offline). */
export async function markReviewed(deck: string, cardId: string, reviewed: boolean) {
  const db = await offlineDb();
  const tx = db.transaction("window", "readwrite");
  const w = await tx.store.get(deck);
  if (w) {
    const rest = w.reviewed.filter((id) => id !== cardId);
    await tx.store.put({ ...w, reviewed: reviewed ? [...rest, cardId] : rest });
  }
  await tx.done;
}

export async function enqueue(r: QueuedReview): Promise<void> {
  await (await offlineDb()).add("queue", r);
}

/** The waiting ratings, oldest first. */
/**
 * The ratings waiting to be sent for `userId`, in the order given. Ratings another account left on
 * this device stay stored until that account signs in again (the server refuses them for anyone else).
 */
export async function readQueue(userId: string): Promise<QueuedReview[]> {
  return (await (await offlineDb()).getAll("queue")).filter((r) => r.userId === userId);
}

/** Takes back `userId`'s last waiting rating (offline undo); undefined when nothing waits. */
export async function popLastQueued(userId: string): Promise<QueuedReview | undefined> {
  const db = await offlineDb();
  const tx = db.transaction("queue", "readwrite");
  let cursor = await tx.store.openCursor(null, "prev");
  while (cursor && cursor.value.userId !== userId) cursor = await cursor.continue();
  const last = cursor?.value;
  if (cursor) await cursor.delete();
  await tx.done;
  return last;
}

/** Removes sent ratings and keeps the refused ones for the learner to see. */
export async function settle(seqs: number[], refused: TBatchOutcomeView[]): Promise<void> {
  const db = await offlineDb();
  const tx = db.transaction(["queue", "refused"], "readwrite");
  for (const s of seqs) await tx.objectStore("queue").delete(s);
  for (const r of refused) await tx.objectStore("refused").put(r);
  await tx.done;
}

export async function readRefused(): Promise<TBatchOutcomeView[]> {
  return (await offlineDb()).getAll("refused");
}

export async function clearRefused(): Promise<void> {
  await (await offlineDb()).clear("refused");
}

/** Signing out: the offline database and the service worker's caches go. */
export async function clearOfflineData(): Promise<void> {
  closedForGood = true;
  const db = opened ? await opened.catch(() => null) : null;
  db?.close();
  opened = null;
  // Another tab holding the database open closes it on `blocking`; never wait more than 3 s.
  const within = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise((r) => setTimeout(r, 3_000))]).catch(() => undefined);
  await within(deleteDB(OFFLINE_DB_NAME));
  if (typeof caches !== "undefined") {
    await within(Promise.all((await caches.keys()).map((name) => caches.delete(name))));
  }
  // The worker's cache-expiry bookkeeping (URLs and times only); the worker may hold it open.
  void deleteDB("serwist-expiration").catch(() => undefined);
}
