// The review screen's steps on the server: each calls one function of the review service in
// @strides/db and renders what the screen shows (Markdown and KaTeX to HTML, the view types of
// schema.ts). No rule of the review lives here.
import "server-only";
import { AppError, renderMarkdownToHtml } from "@strides/content";
import {
  buildReviewQueue,
  buryCard,
  checkShownExercise,
  type ExerciseLangChoice,
  getNextCard,
  getNextDue,
  type IntervalPreview,
  type LearnerContext,
  listDeckIdsForUser,
  listDecksForUser,
  type ReviewQueue,
  type ShownCard,
  showLearnerCard,
  submitReview,
  suspendCard,
  undoLastReview,
} from "@strides/db";
import { db } from "@/lib/db";
import { renderCardView } from "./render-card-view";
import type {
  TCardView,
  TExerciseCheckView,
  TQueueCounts,
  TRatingValue,
  TReviewResult,
  TReviewStep,
  TSubmitReviewBody,
} from "./schema";

const ZERO: TQueueCounts = { new: 0, learning: 0, review: 0 };

/** The decks a step draws from: the one asked for, or every deck the learner studies. */
async function deckIdsFor(userId: string, deck: string | undefined): Promise<string[]> {
  if (deck) return [deck];
  return listDeckIdsForUser({ db, userId });
}

function intervalsOf(preview: IntervalPreview[]) {
  return preview.map((p) => ({
    rating: p.rating as TRatingValue,
    label: p.label,
    ms: p.intervalMs,
  }));
}

/** Where an author edits the card (the authoring editor); null when `slug` is (not an author). */
function editHrefOf(slug: string | null | undefined, cardId: string): string | null {
  if (!slug) return null;
  return `/decks/${encodeURIComponent(slug)}/cards/${encodeURIComponent(cardId)}`;
}

export function shownCardView(shown: ShownCard): TCardView {
  const card = shown.card;
  return renderCardView({
    id: card.id,
    deckId: card.deckId,
    kind: card.kind,
    content: card.content,
    context: card.context,
    tags: card.tags,
    queue: card.queue,
    notePath: card.source.notePath,
    lineStart: card.source.lineStart,
    lineEnd: card.source.lineEnd,
    intervals: intervalsOf(shown.preview),
    exercise: shown.exercise,
    editHref: editHrefOf(shown.authorSlug, card.id),
    lang: shown.lang,
  });
}

/**
 * The next card of the learner's queue in `deck` (or every deck), rendered; with `prefetch`, the
 * card after it too. On the review loop's hot path: the review service's statements only (the edit
 * link comes with the learner's context; see packages/db/src/sql-runner.ts).
 */
export async function loadReviewStep(o: {
  userId: string;
  deck?: string | undefined;
  now: Date;
  prefetch?: boolean | undefined;
  /** The learner's context a review of this step already read (see submitReview). */
  context?: LearnerContext | undefined;
  /** The queue of `deck` a review of this step already read (submitReview's `queueAfter`). */
  queue?: ReviewQueue | undefined;
  /** The page's language (exercises are generated in it). */
  langs?: ExerciseLangChoice | undefined;
}): Promise<TReviewStep> {
  const deckIds = await deckIdsFor(o.userId, o.deck);
  if (deckIds.length === 0) return { card: null, counts: ZERO, nextDue: null };
  const next = await getNextCard({
    db,
    userId: o.userId,
    deckIds,
    now: o.now,
    upcoming: o.prefetch === true,
    ...(o.context ? { context: o.context } : {}),
    ...(o.queue ? { queue: o.queue } : {}),
    ...o.langs,
  });
  if (!next.card) {
    const due = await getNextDue({ db, userId: o.userId, deckIds, now: o.now });
    return { card: null, counts: next.counts, nextDue: due?.toISOString() ?? null };
  }
  const after = next.upcoming;
  return {
    card: shownCardView(next),
    counts: next.counts,
    nextDue: null,
    ...(o.prefetch ? { upcoming: after ? shownCardView(after) : null } : {}),
  };
}

function checkView(
  check: { correct: boolean; mistake?: { code: string; message: string }; understood?: string },
  variant: { answer: string; solution: string },
  proposedRating: number,
  why: Pick<TExerciseCheckView, "reason" | "retention"> = { reason: null, retention: null },
): TExerciseCheckView {
  return {
    ...why,
    correct: check.correct,
    mistake: check.mistake ?? null,
    understood: check.understood ?? null,
    answer: variant.answer,
    solutionHtml: renderMarkdownToHtml(variant.solution),
    proposedRating: proposedRating as TRatingValue,
  };
}

/**
 * Checks an exercise answer against the variant shown (fixed by the review service) without
 * recording anything: the screen shows the result and the proposed rating, the learner confirms.
 */
export async function checkExercise(o: {
  userId: string;
  cardId: string;
  answer: string;
  durationMs: number;
  langs?: ExerciseLangChoice | undefined;
}): Promise<TExerciseCheckView> {
  const r = await checkShownExercise({
    db,
    userId: o.userId,
    cardId: o.cardId,
    answer: o.answer,
    durationMs: o.durationMs,
    ...o.langs,
  });
  return checkView(r.check, r.variant, r.proposedRating, {
    reason: r.reason,
    retention: r.retention,
  });
}

/** Records a review and returns its result with the next card: one round trip per card. */
export async function recordReviewAndLoadNext(o: {
  userId: string;
  body: TSubmitReviewBody;
  now: Date;
  langs?: ExerciseLangChoice | undefined;
}): Promise<TReviewResult> {
  const r = await submitReview({
    db,
    userId: o.userId,
    cardId: o.body.cardId,
    requestId: o.body.requestId,
    ...(o.body.rating !== undefined ? { rating: o.body.rating } : {}),
    ...(o.body.answer !== undefined ? { answer: o.body.answer } : {}),
    durationMs: o.body.durationMs,
    now: o.now,
    ...o.langs,
    // The next step's queue read with the write (one round trip on Postgres), for one deck.
    ...(o.body.deck
      ? { queueAfter: { deckIds: [o.body.deck], upcoming: o.body.prefetch === true } }
      : {}),
  });
  const next = await loadReviewStep({
    langs: o.langs,
    userId: o.userId,
    deck: o.body.deck,
    now: o.now,
    prefetch: o.body.prefetch,
    context: r.context,
    queue: r.queue,
  });
  return {
    review: {
      id: r.log.id,
      cardId: r.log.cardId,
      rating: r.log.rating,
      dueAfter: r.log.dueAfter.toISOString(),
      duplicate: r.duplicate,
      correct: r.log.correct,
    },
    check:
      r.check && r.variant ? checkView(r.check, r.variant, r.proposedRating ?? r.log.rating) : null,
    next,
  };
}

/** Takes back the learner's last review and shows that card again. */
export async function undoReviewStep(o: {
  userId: string;
  deck?: string | undefined;
  now: Date;
  langs?: ExerciseLangChoice | undefined;
}): Promise<{ undone: string | null; next: TReviewStep }> {
  const r = await undoLastReview({ db, userId: o.userId, now: o.now });
  if (!r.ok) {
    throw new AppError("NOT_FOUND", "there is no review to undo", { key: "nothingToUndo" });
  }
  const deckIds = await deckIdsFor(o.userId, o.deck);
  const [card, queue] = await Promise.all([
    showLearnerCard({ db, userId: o.userId, cardId: r.cardId, now: o.now, ...o.langs }).then(
      shownCardView,
    ),
    deckIds.length > 0
      ? buildReviewQueue({ db, userId: o.userId, deckIds, now: o.now, limit: 0 })
      : null,
  ]);
  return { undone: r.cardId, next: { card, counts: queue?.counts ?? ZERO, nextDue: null } };
}

/** Suspends (until unsuspended) or buries (until tomorrow) a card, then shows the next one. */
export async function setAsideCardStep(o: {
  userId: string;
  cardId: string;
  how: "suspend" | "bury";
  deck?: string | undefined;
  now: Date;
  langs?: ExerciseLangChoice | undefined;
}): Promise<TReviewStep> {
  const args = { db, userId: o.userId, cardId: o.cardId, now: o.now };
  if (o.how === "suspend") await suspendCard(args);
  else await buryCard(args);
  return loadReviewStep({ userId: o.userId, deck: o.deck, now: o.now, langs: o.langs });
}

export interface DeckOverview {
  id: string;
  slug: string;
  name: string;
  description: string;
  cardCount: number;
  counts: TQueueCounts;
}

/** The learner's decks with today's new / learning / review counts. */
export async function listDeckOverview(o: { userId: string; now: Date }): Promise<DeckOverview[]> {
  const decks = await listDecksForUser({ db, userId: o.userId });
  return Promise.all(
    decks.map(async (d) => {
      const q = await buildReviewQueue({
        db,
        userId: o.userId,
        deckIds: [d.id],
        now: o.now,
        limit: 0,
      });
      return {
        id: d.id,
        slug: d.slug,
        name: d.name,
        description: d.description,
        cardCount: d.cardCount,
        counts: q.counts,
      };
    }),
  );
}
