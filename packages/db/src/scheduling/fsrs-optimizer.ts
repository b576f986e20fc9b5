// The only module that imports @open-spaced-repetition/binding (fsrs-rs, the optimiser FSRS
// itself ships). Loaded lazily so the review service runs where the native binary is missing.
import { AppError } from "@strides/content";
import { isDefaultWeights } from "./fsrs-adapter.ts";

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

type Binding = typeof import("@open-spaced-repetition/binding");
let binding: Promise<Binding> | undefined;

async function loadBinding(): Promise<Binding> {
  binding ??= import("@open-spaced-repetition/binding").catch((cause: unknown) => {
    binding = undefined;
    throw new AppError(
      "UNAVAILABLE",
      "the FSRS optimiser (@open-spaced-repetition/binding) is not installed",
      {
        cause,
      },
    );
  });
  return binding;
}

/** Builds fsrs-rs training items: for each review after a card's first, the history up to it. */
function buildItems(b: Binding, reviews: OptimizerReview[]) {
  const byCard = new Map<string, OptimizerReview[]>();
  for (const r of reviews) {
    if (r.rating < 1 || r.rating > 4) continue;
    const list = byCard.get(r.cardId) ?? [];
    if (list.length === 0) byCard.set(r.cardId, list);
    list.push(r);
  }
  const items: InstanceType<Binding["FSRSBindingItem"]>[] = [];
  for (const list of byCard.values()) {
    list.sort((a, c) => a.time - c.time);
    let history: { rating: number; deltaT: number }[] = [];
    let prevDay: number | null = null;
    for (const r of list) {
      if (r.reset) {
        history = [];
        prevDay = null;
      }
      history.push({ rating: r.rating, deltaT: prevDay === null ? 0 : r.dayNumber - prevDay });
      prevDay = r.dayNumber;
      // fsrs-rs aborts the process on an item without a day-long gap: never pass one.
      if (history.length > 1 && history.some((h) => h.deltaT > 0)) {
        items.push(
          new b.FSRSBindingItem(history.map((h) => new b.FSRSBindingReview(h.rating, h.deltaT))),
        );
      }
    }
  }
  return items;
}

export async function fitFsrs(reviews: OptimizerReview[]): Promise<FitResult> {
  const b = await loadBinding();
  const start = performance.now();
  const items = buildItems(b, reviews);
  const evalItems = items.filter((i) => (i.current?.deltaT ?? 0) > 0);
  const parameters =
    items.length > 0 ? await b.computeParameters(items, { enableShortTerm: true }) : [];
  const fitted = parameters.length > 0 && !isDefaultWeights(parameters);
  const evaluate = (w?: number[]) => {
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
    reviews: reviews.length,
    default: evaluate(),
    fittedMetrics: fitted ? evaluate(parameters) : null,
    ms: performance.now() - start,
  };
}

/** Out-of-sample check: fsrs-rs trains on earlier reviews and scores later ones (time-series splits). */
export async function evaluateFsrsOutOfSample(
  reviews: OptimizerReview[],
): Promise<{ logLoss: number; rmseBins: number }> {
  const b = await loadBinding();
  const items = buildItems(b, reviews).filter((i) => (i.current?.deltaT ?? 0) > 0);
  const m = await b.evaluateWithTimeSeriesSplits(items, { enableShortTerm: true });
  return { logLoss: m.logLoss, rmseBins: m.rmseBins };
}
