// The ONLY module that imports ts-fsrs (FSRS-6, pinned to 5.4.x). Everything else speaks in the
// plain types below, so moving to FSRS-7 is a change to this file alone.
import { AppError } from "@strides/content";
import {
  default_w,
  type FSRS,
  type Card as FsrsCard,
  forgetting_curve,
  fsrs,
  type Grade,
  generatorParameters,
  State,
  type StepUnit,
} from "ts-fsrs";

export type TRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly TRating[] = [1, 2, 3, 4];
export const RATING_NAMES = { 1: "again", 2: "hard", 3: "good", 4: "easy" } as const;

/** 0 New, 1 Learning, 2 Review, 3 Relearning (the values ts-fsrs and the FSRS tools use). */
export type TCardStateValue = 0 | 1 | 2 | 3;
export const CARD_STATE = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

/** The FSRS memory part of a learner's card state. */
export interface MemoryCard {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface SchedulerSettings {
  desiredRetention: number;
  maximumInterval: number;
  enableFuzz: boolean;
  /** e.g. ["1m", "10m"] */
  learningSteps: string[];
  relearningSteps: string[];
  /** FSRS-6 parameters (21 numbers); the defaults when absent. */
  weights?: readonly number[] | null;
}

export interface ScheduledReview {
  card: MemoryCard;
  /** What the review log records, from ts-fsrs's own log. */
  log: {
    rating: TRating;
    stateBefore: number;
    dueBefore: Date;
    stabilityBefore: number;
    difficultyBefore: number;
    elapsedDays: number;
    lastElapsedDays: number;
    scheduledDays: number;
    learningSteps: number;
  };
}

export const DEFAULT_WEIGHTS: readonly number[] = [...default_w];
export const FSRS_VERSION = "FSRS-6 (ts-fsrs 5.4)";

const STEP = /^\d+(\.\d+)?[mhd]$/;

/** Parses "1m 10m" into steps; throws BAD_INPUT naming the field. */
export function parseSteps(text: string, field = "learningSteps"): string[] {
  const steps = text.trim() === "" ? [] : text.trim().split(/\s+/);
  for (const s of steps) {
    if (!STEP.test(s)) {
      throw new AppError("BAD_INPUT", `${field}: "${s}" is not a duration like 1m, 10m, 1h or 1d`, {
        field,
      });
    }
  }
  return steps;
}

const cache = new Map<string, FSRS>();

function scheduler(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify(settings);
  let f = cache.get(key);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        maximum_interval: settings.maximumInterval,
        enable_fuzz: settings.enableFuzz,
        enable_short_term: true,
        learning_steps: settings.learningSteps as StepUnit[],
        relearning_steps: settings.relearningSteps as StepUnit[],
        ...(settings.weights ? { w: [...settings.weights] } : {}),
      }),
    );
    if (cache.size > 200) cache.clear();
    cache.set(key, f);
  }
  return f;
}

function toFsrs(card: MemoryCard): FsrsCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrs(card: FsrsCard): MemoryCard {
  return {
    state: card.state,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}

/** A card the learner has never reviewed, due `now`. */
export function newMemoryCard(now: Date): MemoryCard {
  return {
    state: State.New,
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

export function checkRating(rating: number): TRating {
  if (rating === 1 || rating === 2 || rating === 3 || rating === 4) return rating;
  throw new AppError("BAD_INPUT", "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)", {
    field: "rating",
  });
}

/** The card after reviewing it with `rating` at `now` (null card = new). */
export function scheduleReview(
  card: MemoryCard | null,
  now: Date,
  rating: TRating,
  settings: SchedulerSettings,
): ScheduledReview {
  const before = card ?? newMemoryCard(now);
  const item = scheduler(settings).next(toFsrs(before), now, rating as Grade);
  return {
    card: fromFsrs(item.card),
    log: {
      rating,
      stateBefore: item.log.state,
      dueBefore: item.log.due,
      stabilityBefore: item.log.stability,
      difficultyBefore: item.log.difficulty,
      elapsedDays: item.log.elapsed_days,
      lastElapsedDays: item.log.last_elapsed_days,
      scheduledDays: item.log.scheduled_days,
      learningSteps: item.log.learning_steps,
    },
  };
}

/** The card after each rating, for the answer buttons. */
export function previewReview(
  card: MemoryCard | null,
  now: Date,
  settings: SchedulerSettings,
): Record<TRating, MemoryCard> {
  const preview = scheduler(settings).repeat(toFsrs(card ?? newMemoryCard(now)), now);
  return {
    1: fromFsrs(preview[1].card),
    2: fromFsrs(preview[2].card),
    3: fromFsrs(preview[3].card),
    4: fromFsrs(preview[4].card),
  };
}

/** Probability of recall at `now` (0 for new cards). */
export function retrievability(
  card: Pick<MemoryCard, "state" | "lastReview" | "stability">,
  now: Date,
  settings: SchedulerSettings,
): number {
  if (card.state === State.New || !card.lastReview || card.stability <= 0) return 0;
  const w = settings.weights ?? DEFAULT_WEIGHTS;
  const days = Math.max(0, (now.getTime() - card.lastReview.getTime()) / 86_400_000);
  return forgetting_curve(w as number[], days, card.stability);
}

/** Resets a card to New, due `now`, keeping reps and lapses (Anki's "Forget" without reset). */
export function forgetMemoryCard(card: MemoryCard, now: Date, resetCounts: boolean): MemoryCard {
  return fromFsrs(scheduler(DEFAULT_SETTINGS).forget(toFsrs(card), now, resetCounts).card);
}

/**
 * The due date of a Review card under new settings (e.g. another desired retention): the interval
 * FSRS gives its current stability, counted from its last review, without fuzz. Other states keep
 * their due date.
 */
export function rescheduleDue(card: MemoryCard, settings: SchedulerSettings): MemoryCard {
  if (card.state !== State.Review || !card.lastReview) return card;
  const f = scheduler({ ...settings, enableFuzz: false });
  const ivl = f.next_interval(card.stability, card.elapsedDays);
  return {
    ...card,
    scheduledDays: ivl,
    due: new Date(card.lastReview.getTime() + ivl * 86_400_000),
  };
}

export const DEFAULT_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  enableFuzz: true,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  weights: null,
};

/** True when `w` are FSRS's default parameters (what the optimiser returns below its threshold). */
export function isDefaultWeights(w: readonly number[]): boolean {
  return (
    w.length === DEFAULT_WEIGHTS.length &&
    w.every((x, i) => Math.abs(x - (DEFAULT_WEIGHTS[i] ?? Number.NaN)) < 1e-4)
  );
}
