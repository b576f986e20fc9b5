// The next card for the learner with everything the review screen needs: content, counts, the
// interval of each answer button and, for exercises, the variant (its seed is fixed here, when the
// card is shown, so the answer is checked against the same variant).
import type { ExerciseVariant } from "@strides/content";
import type { Db } from "../client.ts";
import {
  buildReviewQueueWith,
  type QueueCard,
  type QueueCounts,
  type QueueKind,
  type ReviewQueue,
} from "./build-review-queue.ts";
import type { ExerciseEngine } from "./exercise-engine.ts";
import { type ExerciseLang, type ExerciseLangChoice, exerciseLangOf } from "./exercise-lang.ts";
import { variantFor } from "./exercise-variant.ts";
import { type IntervalPreview, previewIntervalsFor } from "./preview-intervals.ts";
import { findCardForReview, type LearnerContext, loadLearnerContext } from "./review-reads.ts";
import { fixVariantSeed } from "./review-writes.ts";

export interface GetNextCardOptions extends ExerciseLangChoice {
  db: Db;
  userId: string;
  deckIds: string[];
  now: Date;
  exercises?: ExerciseEngine;
  /**
   * Also return the card after it, as it would be shown (its exercise variant is not fixed yet):
   * the review screen shows it at once after the next rating and reconciles with the server.
   */
  upcoming?: boolean;
  /** The learner's context already read for these decks (submitReview's): not read again. */
  context?: LearnerContext;
  /**
   * The queue of these decks already read, for `nextCardLimit(upcoming)` cards (submitReview's
   * `queueAfter`): not read again.
   */
  queue?: ReviewQueue;
}

/** How many cards of the queue getNextCard shows: the next one, and the one after it if asked. */
export function nextCardLimit(upcoming: boolean | undefined): number {
  return upcoming ? 2 : 1;
}

export interface NextCard {
  id: string;
  deckId: string;
  key: string;
  kind: string;
  version: number;
  /** Card.content parsed: the content package's validated card. */
  content: unknown;
  tags: string;
  context: string;
  source: {
    noteId: string | null;
    /** The note's path in its deck. */
    notePath: string | null;
    lineStart: number | null;
    lineEnd: number | null;
  };
  queue: QueueKind;
  state: number;
}

/** What the learner sees of an exercise before answering (no answer, no solution). */
export interface ShownExercise {
  generator: string;
  seed: number;
  lang: ExerciseVariant["lang"];
  question: string;
  answerFormat: string;
}

/** A card as the review screen shows it. */
export interface ShownCard {
  card: NextCard;
  /** The deck's slug when the learner may author it (for an "edit this card" link), else null. */
  authorSlug: string | null;
  preview: IntervalPreview[];
  exercise: ShownExercise | null;
  /** The language the card is shown in (the page's: exercises are generated in it). */
  lang: ExerciseLang;
}

export type GetNextCardResult =
  | (ShownCard & { counts: QueueCounts; upcoming?: ShownCard | null })
  | { card: null; counts: QueueCounts; preview: []; exercise: null; upcoming?: null };

/**
 * Three statements: the learner's context (settings, presets, access, cursors), the queue
 * (findQueueRows), the chosen card's content (the first two skipped when given); plus one upsert
 * the first time an exercise is shown, and one read for the upcoming card when asked. A `queue`
 * must have been read for the same decks and `nextCardLimit(upcoming)`.
 */
export async function getNextCard(o: GetNextCardOptions): Promise<GetNextCardResult> {
  const deckIds = [...new Set(o.deckIds)];
  const ctx =
    o.context && deckIds.every((d) => o.context?.decks.has(d))
      ? o.context
      : await loadLearnerContext(o.db, o.userId, deckIds);
  const queue =
    o.queue ??
    (await buildReviewQueueWith(o.db, ctx, { ...o, deckIds, limit: nextCardLimit(o.upcoming) }));
  const next = queue.cards[0];
  if (!next) {
    return {
      card: null,
      counts: queue.counts,
      preview: [],
      exercise: null,
      ...(o.upcoming ? { upcoming: null } : {}),
    };
  }
  const { shown } = await showCard(o, ctx, next, true);
  const after = o.upcoming ? queue.cards[1] : undefined;
  const upcoming = after ? (await showCard(o, ctx, after, false)).shown : null;
  return { ...shown, counts: queue.counts, ...(o.upcoming ? { upcoming } : {}) };
}

/**
 * The card with its answer intervals and, for an exercise, the variant (`variantFor`): fixed now
 * when the card is shown (`fixSeed`), or the one that will be fixed for the upcoming card. The
 * variant itself (with its answer) is returned beside the shown card, never inside it.
 */
export async function showCard(
  o: Pick<GetNextCardOptions, "db" | "userId" | "now" | "exercises"> & ExerciseLangChoice,
  ctx: LearnerContext,
  next: QueueCard,
  fixSeed: boolean,
): Promise<{ shown: ShownCard; variant: ExerciseVariant | null }> {
  const found = await findCardForReview(o.db, o.userId, next.cardId);
  if (!found) throw new Error(`card ${next.cardId} disappeared while it was shown`);
  const { card, state } = found;
  const settings = ctx.decks.get(card.deckId);
  if (!settings) throw new Error(`settings missing for deck ${card.deckId}`);
  const content = JSON.parse(card.content) as unknown;
  let exercise: ShownExercise | null = null;
  let variant: ExerciseVariant | null = null;
  if (card.kind === "exercise") {
    const learner = variantFor({ id: card.id, content }, state, {
      ...o,
      locale: ctx.locale,
      engine: o.exercises,
    });
    variant = learner.variant;
    if (fixSeed && !learner.fixed) {
      await fixVariantSeed(
        o.db,
        { userId: o.userId, cardId: card.id, deckId: card.deckId },
        o.now,
        variant.seed,
      );
    }
    exercise = {
      generator: variant.generator,
      seed: variant.seed,
      lang: variant.lang,
      question: variant.question,
      answerFormat: variant.answerFormat,
    };
  }
  const shown: ShownCard = {
    card: {
      id: card.id,
      deckId: card.deckId,
      key: card.key,
      kind: card.kind,
      version: card.version,
      content,
      tags: card.tags,
      context: card.context,
      source: {
        noteId: card.noteId,
        notePath: card.notePath,
        lineStart: card.lineStart,
        lineEnd: card.lineEnd,
      },
      queue: next.queue,
      state: next.state,
    },
    authorSlug: ctx.authorSlugs.get(card.deckId) ?? null,
    preview: previewIntervalsFor(state, settings, o.now),
    exercise,
    lang: exerciseLangOf(ctx.locale, o),
  };
  return { shown, variant };
}
