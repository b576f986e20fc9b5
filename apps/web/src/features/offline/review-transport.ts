// The review screen's one way to the server. Online it is the JSON API; when the connection is
// gone (or ratings are still waiting) it reviews from the window kept in IndexedDB, queues each
// rating with its request id and time, and sends the queue in order to POST /api/v1/reviews/batch
// on reconnect and on the next page load. Browser only.
import type {
  TExerciseCheckView,
  TRatingValue,
  TReviewResult,
  TReviewStep,
} from "@/features/review/schema";
import { ApiCallError, type ApiErrorBody } from "@/lib/api-error-text";
import { BATCH_MAX } from "./limits";
import {
  clearRefused,
  enqueue,
  markReviewed,
  popLastQueued,
  type QueuedReview,
  readQueue,
  readRefused,
  readWindow,
  settle,
  writeWindow,
} from "./offline-store-lazy";
import type { WindowState } from "./offline-window";
import type { TBatchOutcomeView, TReviewBatchResult, TReviewWindowView } from "./schema";

/** Reviewing from the window (and checking answers in the browser) loads when first needed. */
const offlineWindow = () => import("./offline-window");

export interface SubmitBody {
  requestId: string;
  cardId: string;
  rating: TRatingValue;
  answer?: string;
  durationMs: number;
}

export interface TransportState {
  /** Reviewing from the window (no connection, or ratings still waiting). */
  offline: boolean;
  /** Ratings waiting to be sent. */
  waiting: number;
  syncing: boolean;
  /** Reviews the server refused (card retired, reviewed elsewhere…), until dismissed. */
  refused: TBatchOutcomeView[];
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch((cause: unknown) => {
    throw new ApiCallError(0, { key: "network", message: `no answer from the server (${cause})` });
  });
  const json = (await res.json().catch(() => ({}))) as T & { error?: ApiErrorBody };
  if (!res.ok) {
    // A 5xx without our JSON (a proxy's error page): the generic server error.
    const fallback = res.status >= 500 ? { key: "unexpected" } : {};
    throw new ApiCallError(res.status, json.error ?? fallback);
  }
  return json;
}

const isNetworkError = (e: unknown) => e instanceof ApiCallError && e.status === 0;
const online = () => typeof navigator === "undefined" || navigator.onLine;

export class ReviewTransport {
  private state: TransportState = { offline: false, waiting: 0, syncing: false, refused: [] };
  private listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private windowKey: string;
  private userId: string | null = null;
  /** Cards rated online in this page (a window read meanwhile must not offer them again). */
  private ratedOnline: string[] = [];

  constructor(
    /** The signed-in account: the window and the queue used here are its own. */
    private readonly viewer: string,
    private readonly deck: string | null,
    /** Shows a step the transport decided on by itself (offline start, back online). */
    private readonly onStep: (step: TReviewStep) => void,
  ) {
    this.windowKey = deck ?? "";
  }

  // --- state for the indicator (useSyncExternalStore) ---
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  snapshot = () => this.state;
  private set(patch: Partial<TransportState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** On page load: send what waits, or go on offline; keep the window fresh while online. */
  async start(): Promise<void> {
    const [queue, refused, w] = await Promise.all([
      readQueue(this.viewer),
      readRefused(),
      readWindow(this.windowKey),
    ]);
    // A window another account stored on this device is never shown (it is replaced online).
    this.userId = w?.userId === this.viewer ? this.viewer : null;
    this.set({ waiting: queue.length, refused });
    if (!online() || queue.length > 0) await this.goOffline();
    if (online()) await this.reconnect();
  }

  /** The browser says the connection is back. */
  async reconnect(): Promise<void> {
    await this.flush();
    if (this.state.waiting === 0) {
      if (this.state.offline) {
        this.set({ offline: false });
        const next = await fetch(
          `/api/v1/review/next?prefetch=1${this.deck ? `&deck=${encodeURIComponent(this.deck)}` : ""}`,
        )
          .then((r) => (r.ok ? (r.json() as Promise<TReviewStep>) : null))
          .catch(() => null);
        if (next) this.onStep(next);
      }
      await this.refreshWindow();
    }
  }

  /**
   * Reads the window of upcoming cards and stores it (while online). Cards rated while it was on
   * its way, and ratings still queued, stay marked as rated in it; a window that arrives after the
   * connection went away is dropped (the stored one goes on).
   */
  async refreshWindow(): Promise<void> {
    const q = this.deck ? `?deck=${encodeURIComponent(this.deck)}` : "";
    const ratedBefore = this.ratedOnline.length;
    const res = await fetch(`/api/v1/review/window${q}`).catch(() => null);
    if (!res?.ok || this.state.offline) return;
    const view = (await res.json()) as TReviewWindowView;
    const queued = (await readQueue(this.viewer)).map((r) => r.cardId);
    if (this.state.offline) return;
    this.userId = view.userId;
    const reviewed = [...new Set([...this.ratedOnline.slice(ratedBefore), ...queued])];
    await writeWindow({ ...view, deck: this.windowKey, reviewed });
    // Loaded now, while online, so that reviewing offline never waits for it.
    void offlineWindow().catch(() => undefined);
  }

  private async windowState(): Promise<(WindowState & { userId: string }) | null> {
    const w = await readWindow(this.windowKey);
    if (!w || w.userId !== this.viewer) return null;
    return { ...w, deck: this.deck };
  }

  private async goOffline(): Promise<void> {
    if (this.state.offline) return;
    this.set({ offline: true });
    const w = await this.windowState();
    if (w) this.onStep((await offlineWindow()).stepFromWindow(w, new Date()));
  }

  // --- the review loop's calls ---

  async submit(body: SubmitBody, queue: QueuedReview["queue"]): Promise<TReviewResult> {
    if (!this.state.offline && online()) {
      try {
        const r = await postJson<TReviewResult>("/api/v1/reviews", {
          ...body,
          prefetch: true,
          ...(this.deck ? { deck: this.deck } : {}),
        });
        this.ratedOnline.push(body.cardId);
        void markReviewed(this.windowKey, body.cardId, true).catch(() => undefined);
        return r;
      } catch (e) {
        if (!isNetworkError(e)) throw e;
      }
    }
    return this.submitOffline(body, queue);
  }

  private async submitOffline(body: SubmitBody, queue: QueuedReview["queue"]) {
    const w = await this.windowState();
    if (!w) throw new ApiCallError(0, { key: "offlineNoWindow" });
    this.set({ offline: true });
    const item: QueuedReview = {
      requestId: body.requestId,
      cardId: body.cardId,
      queue,
      rating: body.rating,
      ...(body.answer !== undefined ? { answer: body.answer } : {}),
      durationMs: body.durationMs,
      reviewedAt: new Date().toISOString(),
      userId: this.viewer,
    };
    await enqueue(item);
    await markReviewed(this.windowKey, body.cardId, true);
    this.set({ waiting: this.state.waiting + 1 });
    const next = (await offlineWindow()).stepFromWindow(
      { ...w, reviewed: [...w.reviewed, body.cardId] },
      new Date(),
    );
    if (online()) void this.reconnect();
    return {
      review: {
        id: body.requestId,
        cardId: body.cardId,
        rating: body.rating,
        dueAfter: "",
        duplicate: false,
        correct: null,
      },
      check: null,
      next,
    } satisfies TReviewResult;
  }

  async check(body: {
    cardId: string;
    answer: string;
    durationMs: number;
  }): Promise<TExerciseCheckView> {
    if (!this.state.offline && online()) {
      try {
        return await postJson<TExerciseCheckView>("/api/v1/review/check", body);
      } catch (e) {
        if (!isNetworkError(e)) throw e;
      }
    }
    const w = await this.windowState();
    const c = w?.cards.find((x) => x.card.id === body.cardId)?.check;
    if (!c) throw new ApiCallError(0, { key: "offlineNoWindow" });
    return (await offlineWindow()).checkOffline(c, body.answer, body.durationMs);
  }

  async undo(): Promise<{ undone: string; next: TReviewStep }> {
    if (this.state.offline || this.state.waiting > 0) {
      const last = await popLastQueued(this.viewer);
      if (last) {
        await markReviewed(this.windowKey, last.cardId, false);
        this.set({ waiting: Math.max(0, this.state.waiting - 1) });
        const w = await this.windowState();
        const card = w?.cards.find((x) => x.card.id === last.cardId)?.card ?? null;
        const step = w ? (await offlineWindow()).stepFromWindow(w, new Date()) : null;
        if (!card || !step) throw new ApiCallError(0, { key: "offlineNoWindow" });
        const upcoming = step.card && step.card.id !== card.id ? step.card : null;
        return { undone: last.cardId, next: { ...step, card, upcoming } };
      }
      if (this.state.offline) throw new ApiCallError(0, { key: "offlineUndoSent" });
    }
    return postJson("/api/v1/reviews/undo", this.deck ? { deck: this.deck } : {});
  }

  async setAside(cardId: string, how: "suspend" | "bury"): Promise<TReviewStep> {
    if (this.state.offline) throw new ApiCallError(0, { key: "offlineUnavailable" });
    return postJson<TReviewStep>(
      `/api/v1/cards/${encodeURIComponent(cardId)}/${how}`,
      this.deck ? { deck: this.deck } : {},
    );
  }

  // --- sync ---

  /** Sends the waiting ratings in order, in batches; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.sendQueue().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async sendQueue(): Promise<void> {
    let queue = await readQueue(this.viewer);
    if (queue.length === 0) return;
    this.set({ syncing: true });
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, BATCH_MAX);
        const forUser = batch[0]?.userId;
        const res = await fetch("/api/v1/reviews/batch", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            sentAt: new Date().toISOString(),
            ...(forUser ? { forUser } : {}),
            reviews: batch.map((r) => ({
              requestId: r.requestId,
              cardId: r.cardId,
              rating: r.rating,
              ...(r.answer !== undefined ? { answer: r.answer } : {}),
              durationMs: r.durationMs,
              reviewedAt: r.reviewedAt,
            })),
          }),
        }).catch(() => null);
        // No answer, a server error or another account signed in: keep everything, try later.
        const body = res
          ? ((await res.json().catch(() => null)) as Partial<TReviewBatchResult> | null)
          : null;
        if (!res || !body?.outcomes) return;
        const done = new Set(body.outcomes.map((o) => o.requestId));
        await settle(
          batch.filter((r) => done.has(r.requestId)).map((r) => r.seq as number),
          body.outcomes.filter((o) => o.status === "refused"),
        );
        queue = await readQueue(this.viewer);
        this.set({ waiting: queue.length, refused: await readRefused() });
        if (done.size === 0) return;
      }
    } finally {
      this.set({ syncing: false });
    }
  }

  async dismissRefused(): Promise<void> {
    await clearRefused();
    this.set({ refused: [] });
  }

  /** The account the stored window belongs to (null before one was read). */
  get owner(): string | null {
    return this.userId;
  }

  /** Goes offline now (the browser's offline event). */
  wentOffline(): void {
    void this.goOffline();
  }
}
