// The optimiser: fsrs-rs (@open-spaced-repetition/binding, the optimiser FSRS itself ships), run on
// a worker thread of its own for each fit. Building 100,000 training items and evaluating them are
// synchronous calls of the binding (seconds for a school's pooled reviews): on the event loop they
// would stall every learner's review. The worker loads the binding lazily, so the review service
// runs where the native binary is missing (a fit then fails with UNAVAILABLE). Reviews go to the
// worker as typed arrays (transferred, not copied), cards as dense indices (OptimizerColumns).
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { AppError } from "@strides/content";
import { LOWER_THREAD_PRIORITY } from "../background-thread.ts";
import { DEFAULT_WEIGHTS } from "./fsrs-adapter.ts";

/** One review as the optimiser needs it: card, learner-day number and rating 1–4. */
export interface OptimizerReview {
  cardId: string;
  /** The learner's day of the review (see learner-day.ts), for elapsed days. */
  dayNumber: number;
  /** Milliseconds, for ordering. */
  time: number;
  rating: number;
  /** True when this review starts a new history of the card (first review, or after a reset). */
  reset?: boolean;
}

export interface FitResult {
  /** False when there are too few reviews: FSRS keeps its defaults below its own threshold. */
  fitted: boolean;
  parameters: number[];
  /** Training items (one per review after a card's first, with at least one day-long gap). */
  items: number;
  reviews: number;
  default: { logLoss: number; rmseBins: number } | null;
  /** Metrics of the fitted parameters on the same items (in-sample). */
  fittedMetrics: { logLoss: number; rmseBins: number } | null;
  ms: number;
}

// Plain CommonJS, evaluated in the worker (no tsx, no bundler), as the SQLite workers are. Items:
// for each review after a card's first (in time order; a reset starts a new history), the card's
// history up to it, with elapsed days between learner days; fsrs-rs aborts the process on an item
// without a day-long gap, so none is passed.
const WORKER_SOURCE = `${LOWER_THREAD_PRIORITY}
const { parentPort, workerData } = require("node:worker_threads");
async function run() {
  let b;
  try {
    b = require(workerData.module);
  } catch (e) {
    return { unavailable: String((e && e.message) || e) };
  }
  const { card, day, time, rating, reset } = workerData;
  const byCard = new Map();
  for (let i = 0; i < card.length; i++) {
    if (rating[i] < 1 || rating[i] > 4) continue;
    let list = byCard.get(card[i]);
    if (!list) byCard.set(card[i], (list = []));
    list.push(i);
  }
  const items = [];
  for (const list of byCard.values()) {
    list.sort((a, c) => time[a] - time[c]);
    let history = [];
    let prevDay = null;
    for (const i of list) {
      if (reset[i]) {
        history = [];
        prevDay = null;
      }
      history.push({ rating: rating[i], deltaT: prevDay === null ? 0 : day[i] - prevDay });
      prevDay = day[i];
      if (history.length > 1 && history.some((h) => h.deltaT > 0)) {
        items.push(new b.FSRSBindingItem(history.map((h) => new b.FSRSBindingReview(h.rating, h.deltaT))));
      }
    }
  }
  const evalItems = items.filter((i) => ((i.current && i.current.deltaT) || 0) > 0);
  if (workerData.op === "splits") {
    const m = await b.evaluateWithTimeSeriesSplits(evalItems, { enableShortTerm: true });
    return { metrics: { logLoss: m.logLoss, rmseBins: m.rmseBins } };
  }
  const parameters = items.length > 0 ? await b.computeParameters(items, { enableShortTerm: true }) : [];
  const defaults = workerData.defaults;
  const fitted = parameters.length > 0 && !(parameters.length === defaults.length &&
    parameters.every((x, i) => Math.abs(x - defaults[i]) < 1e-4));
  const evaluate = (w) => {
    if (evalItems.length === 0) return null;
    try {
      const m = new b.FSRSBinding(w).evaluate(evalItems);
      return { logLoss: m.logLoss, rmseBins: m.rmseBins };
    } catch {
      return null; // fsrs-rs: not enough data to evaluate
    }
  };
  return {
    fitted,
    parameters: fitted ? parameters : [],
    items: items.length,
    default: evaluate(),
    fittedMetrics: fitted ? evaluate(parameters) : null,
  };
}
run().then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e) }),
);
`;

function bindingModule(): string {
  try {
    return createRequire(import.meta.url).resolve("@open-spaced-repetition/binding");
  } catch {
    return "@open-spaced-repetition/binding";
  }
}

/**
 * Reviews in columns, as the worker takes them: the card (learner × card) as a dense index, so no
 * string crosses to the worker (100,000 card-id strings cloned into the worker's data held the
 * event loop ~30 ms), and each column a typed array that is transferred, not copied. Filled a page
 * of logs at a time, with no object per review.
 */
export class OptimizerColumns {
  #keys = new Map<string, number>();
  #capacity = 0;
  length = 0;
  card = new Int32Array(0);
  day = new Int32Array(0);
  time = new Float64Array(0);
  rating = new Uint8Array(0);
  reset = new Uint8Array(0);

  #grow() {
    const capacity = Math.max(1024, this.#capacity * 2);
    const grown = <A extends Int32Array | Float64Array | Uint8Array>(
      a: A,
      make: (n: number) => A,
    ) => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.card = grown(this.card, (n) => new Int32Array(n));
    this.day = grown(this.day, (n) => new Int32Array(n));
    this.time = grown(this.time, (n) => new Float64Array(n));
    this.rating = grown(this.rating, (n) => new Uint8Array(n));
    this.reset = grown(this.reset, (n) => new Uint8Array(n));
    this.#capacity = capacity;
  }

  /** Adds one review; `cardKey` names the learner's card (reviews of one key form its history). */
  push(cardKey: string, r: Omit<OptimizerReview, "cardId">) {
    if (this.length === this.#capacity) this.#grow();
    let card = this.#keys.get(cardKey);
    if (card === undefined) {
      card = this.#keys.size;
      this.#keys.set(cardKey, card);
    }
    const i = this.length++;
    this.card[i] = card;
    this.day[i] = r.dayNumber;
    this.time[i] = r.time;
    this.rating[i] = r.rating >= 1 && r.rating <= 4 ? r.rating : 0;
    this.reset[i] = r.reset ? 1 : 0;
  }

  static of(reviews: OptimizerReview[]): OptimizerColumns {
    const c = new OptimizerColumns();
    for (const r of reviews) c.push(r.cardId, r);
    return c;
  }
}

/** Runs `op` on a worker of its own, with the reviews' columns (transferred to it). */
async function onWorker<T>(op: "fit" | "splits", columns: OptimizerColumns): Promise<T> {
  const n = columns.length;
  const card = columns.card.slice(0, n);
  const day = columns.day.slice(0, n);
  const time = columns.time.slice(0, n);
  const rating = columns.rating.slice(0, n);
  const reset = columns.reset.slice(0, n);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      op,
      module: bindingModule(),
      defaults: [...DEFAULT_WEIGHTS],
      card,
      day,
      time,
      rating,
      reset,
    },
    transferList: [card.buffer, day.buffer, time.buffer, rating.buffer, reset.buffer],
  });
  try {
    const m = await new Promise<{
      ok: boolean;
      result?: T & { unavailable?: string };
      message?: string;
    }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`optimiser worker exited (${code})`)));
    });
    if (!m.ok || !m.result) throw new Error(`FSRS optimiser: ${m.message ?? "no result"}`);
    if (m.result.unavailable !== undefined) {
      throw new AppError(
        "UNAVAILABLE",
        "the FSRS optimiser (@open-spaced-repetition/binding) is not installed",
        { cause: new Error(m.result.unavailable) },
      );
    }
    return m.result;
  } finally {
    await worker.terminate();
  }
}

export async function fitFsrs(reviews: OptimizerReview[] | OptimizerColumns): Promise<FitResult> {
  const start = performance.now();
  const columns = reviews instanceof OptimizerColumns ? reviews : OptimizerColumns.of(reviews);
  const r = await onWorker<Omit<FitResult, "reviews" | "ms">>("fit", columns);
  return { ...r, reviews: columns.length, ms: performance.now() - start };
}

/** Out-of-sample check: fsrs-rs trains on earlier reviews and scores later ones (time-series splits). */
export async function evaluateFsrsOutOfSample(
  reviews: OptimizerReview[],
): Promise<{ logLoss: number; rmseBins: number }> {
  const columns = OptimizerColumns.of(reviews);
  return (await onWorker<{ metrics: { logLoss: number; rmseBins: number } }>("splits", columns))
    .metrics;
}
