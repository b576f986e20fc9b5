// The review loop's server side: calls the review service and renders what the screen shows.
// With mutations.ts, the only module of this feature that talks to the database.
import "server-only";
import {
  AppError,
  checkExerciseAnswer,
  exerciseLanguage,
  generateExercise,
} from "@strides/content";
import { renderMarkdownToHtml } from "@strides/content/notes/index";
import { listDeckIdsForUser, listDecksForUser } from "@strides/db";
import {
  type LearnerContext,
  loadCardForLearner,
  loadLearnerContext,
} from "@strides/db/review/data";
import { variantSeedFor } from "@strides/db/review/exercise-engine";
import {
  buildReviewQueue,
  buryCard,
  DEFAULT_PRESET,
  getNextCard,
  type IntervalPreview,
  previewIntervals,
  proposeExerciseRating,
  type ShownCard,
  submitReview,
  suspendCard,
  undoLastReview,
} from "@strides/db/review/index";
import { ZExerciseCardContent } from "@strides/db/review/schema";
import { getNextDue } from "@strides/db/stats/index";
import { db } from "@/lib/db";
import { renderCardView } from "./render-card-view";
import {
  OVERRIDABLE_FIELDS,
  type TCardView,
  type TExerciseCheckView,
  type TOverridableField,
  type TQueueCounts,
  type TRatingValue,
  type TReviewResult,
  type TReviewStep,
  type TSubmitReviewBody,
} from "./schema";

const ZERO: TQueueCounts = { new: 0, learning: 0, review: 0 };

/** The decks a step draws from: the one asked for, or every deck the learner studies. */
async function deckIdsFor(userId: string, deck: string | undefined): Promise<string[]> {
  if (deck) return [deck];
  return listDeckIdsForUser({ db, userId });
}

function intervalsOf(preview: IntervalPreview[]) {
  return preview.map((p) => ({ rating: p.rating as TRatingValue, label: p.label }));
}

/** Where an author edits the card (the authoring editor); null when `slug` is (not an author). */
function editHrefOf(slug: string | null | undefined, cardId: string): string | null {
  if (!slug) return null;
  return `/decks/${encodeURIComponent(slug)}/cards/${encodeURIComponent(cardId)}`;
}

async function notePathOf(noteId: string | null): Promise<string | null> {
  if (!noteId) return null;
  const note = await db.note.findUnique({ where: { id: noteId }, select: { path: true } });
  return note?.path ?? null;
}

function shownCardView(shown: ShownCard): TCardView {
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

/** One card of the learner rendered for review (after undo it is shown again). */
async function loadCardView(userId: string, cardId: string, now: Date): Promise<TCardView> {
  const { card, state, ctx } = await loadCardForLearner(db, userId, cardId);
  let exercise: { question: string; answerFormat: string; seed: number } | null = null;
  if (card.kind === "exercise") {
    const content = ZExerciseCardContent.parse(JSON.parse(card.content));
    // The variant the review service fixes when it shows the card (the same seed rule), so an
    // upcoming exercise can be rendered ahead without fixing anything.
    const seed = state?.variantSeed ?? variantSeedFor(userId, card.id, state?.reps ?? 0);
    const variant = generateExercise(content.generator, {
      seed,
      lang: exerciseLanguage(content, ctx.locale),
      ...(content.params ? { ranges: content.params } : {}),
    });
    exercise = {
      question: variant.question,
      answerFormat: variant.answerFormat,
      seed: variant.seed,
    };
  }
  const [preview, notePath] = await Promise.all([
    previewIntervals({ db, userId, cardId, now }),
    notePathOf(card.noteId),
  ]);
  // The learner's context already says which decks they may author (the edit link).
  const editHref = editHrefOf(ctx.authorSlugs.get(card.deckId), card.id);
  const st = state?.state ?? 0;
  return renderCardView({
    id: card.id,
    deckId: card.deckId,
    kind: card.kind,
    content: JSON.parse(card.content) as unknown,
    context: card.context,
    tags: card.tags,
    queue: st === 0 ? "new" : st === 2 ? "review" : "learning",
    notePath,
    lineStart: card.lineStart,
    lineEnd: card.lineEnd,
    intervals: intervalsOf(preview),
    exercise,
    editHref,
  });
}

function checkView(
  check: { correct: boolean; mistake?: { code: string; message: string }; understood?: string },
  variant: { answer: string; solution: string },
  proposedRating: number,
): TExerciseCheckView {
  return {
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
}): Promise<TExerciseCheckView> {
  const { card, state, settings, ctx } = await loadCardForLearner(db, o.userId, o.cardId);
  if (card.kind !== "exercise") {
    throw new AppError("BAD_INPUT", "cardId: only exercise cards take an answer", {
      field: "cardId",
      key: "notAnExercise",
    });
  }
  const seed = state?.variantSeed;
  if (seed === null || seed === undefined) {
    throw new AppError(
      "CONFLICT",
      "this exercise was not shown (no variant fixed); load it first",
      { field: "cardId", key: "exerciseNotShown" },
    );
  }
  const content = ZExerciseCardContent.parse(JSON.parse(card.content));
  const variant = generateExercise(content.generator, {
    seed,
    lang: exerciseLanguage(content, ctx.locale),
    ...(content.params ? { ranges: content.params } : {}),
  });
  const check = checkExerciseAnswer(variant, o.answer);
  const proposed = proposeExerciseRating({
    correct: check.correct,
    durationMs: o.durationMs,
    easyBelowMs: settings.easyBelowMs,
    hardAfterMs: settings.hardAfterMs,
  });
  return checkView(check, variant, proposed);
}

/** Records a review and returns its result with the next card: one round trip per card. */
export async function submitReviewStep(o: {
  userId: string;
  body: TSubmitReviewBody;
  now: Date;
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
  });
  const next = await loadReviewStep({
    userId: o.userId,
    deck: o.body.deck,
    now: o.now,
    prefetch: o.body.prefetch,
    context: r.context,
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
}): Promise<{ undone: string | null; next: TReviewStep }> {
  const r = await undoLastReview({ db, userId: o.userId, now: o.now });
  if (!r.ok) {
    throw new AppError("NOT_FOUND", "there is no review to undo", { key: "nothingToUndo" });
  }
  const deckIds = await deckIdsFor(o.userId, o.deck);
  const [card, queue] = await Promise.all([
    loadCardView(o.userId, r.cardId, o.now),
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
}): Promise<TReviewStep> {
  const args = { db, userId: o.userId, cardId: o.cardId, now: o.now };
  if (o.how === "suspend") await suspendCard(args);
  else await buryCard(args);
  return loadReviewStep({ userId: o.userId, deck: o.deck, now: o.now });
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

export interface LearnerSettingsView {
  timeZone: string;
  dayStartHour: number;
  locale: "system" | "en" | "ko";
  theme: "system" | "light" | "dark";
  /** Overridable options the learner's presets allow, with their current values. */
  options: Partial<Record<TOverridableField, number>>;
}

/** The learner's settings and the scheduling options their deck presets let them change. */
export async function loadLearnerSettings(userId: string): Promise<LearnerSettingsView> {
  const [settings, decks] = await Promise.all([
    db.learnerSettings.findUnique({ where: { userId } }),
    listDecksForUser({ db, userId }),
  ]);
  const options: Partial<Record<TOverridableField, number>> = {};
  if (decks.length > 0) {
    const ctx = await loadLearnerContext(
      db,
      userId,
      decks.map((d) => d.id),
    );
    const links = await db.groupDeck.findMany({
      where: {
        deckId: { in: decks.map((d) => d.id) },
        group: { memberships: { some: { userId } } },
      },
      select: {
        preset: { select: { learnerOverridable: true } },
        deck: { select: { preset: true } },
      },
    });
    const allowed = new Set<string>();
    for (const l of links) {
      const text =
        l.preset?.learnerOverridable ??
        l.deck.preset?.learnerOverridable ??
        DEFAULT_PRESET.learnerOverridable;
      for (const f of text.split(/\s+/)) allowed.add(f);
    }
    const first = ctx.decks.values().next().value;
    for (const f of OVERRIDABLE_FIELDS) {
      if (allowed.has(f) && first) options[f] = first[f];
    }
  }
  const locale =
    settings?.locale === "en" || settings?.locale === "ko" ? settings.locale : "system";
  const theme =
    settings?.theme === "light" || settings?.theme === "dark" ? settings.theme : "system";
  return {
    timeZone: settings?.timeZone ?? "UTC",
    dayStartHour: settings?.dayStartHour ?? 4,
    locale,
    theme,
    options,
  };
}
