// Reads of the review service. With mutations.ts, the only review modules that query the database.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import type { MemoryCard, SchedulerSettings } from "../scheduling/fsrs-adapter.ts";
import type { LearnerDayOptions } from "../scheduling/learner-day.ts";
import { resolveReviewSettings } from "./resolve-review-settings.ts";
import type { TReviewSettings } from "./schema.ts";

export type Reader = Db | Prisma.TransactionClient;

export interface LearnerContext {
  day: LearnerDayOptions;
  locale: string | null;
  /** Settings per accessible deck. */
  decks: Map<string, TReviewSettings>;
}

function parseWeights(text: string | undefined): number[] | null {
  if (!text) return null;
  try {
    const w = JSON.parse(text) as unknown;
    return Array.isArray(w) && w.every((x) => typeof x === "number") ? (w as number[]) : null;
  } catch {
    return null;
  }
}

/**
 * The learner's day settings and, for each deck, the resolved review settings. Throws NOT_FOUND for
 * an unknown deck and FORBIDDEN for a deck no group of the learner subscribes to.
 */
export async function loadLearnerContext(
  db: Reader,
  userId: string,
  deckIds: string[],
): Promise<LearnerContext> {
  const [settings, links, decks, params] = await Promise.all([
    db.learnerSettings.findUnique({ where: { userId } }),
    db.groupDeck.findMany({
      where: { deckId: { in: deckIds }, group: { memberships: { some: { userId } } } },
      include: { preset: true },
      orderBy: { groupId: "asc" },
    }),
    db.deck.findMany({ where: { id: { in: deckIds } }, include: { preset: true } }),
    db.fsrsParameters.findMany({
      where: { OR: [{ userId }, { group: { memberships: { some: { userId } } } }] },
      orderBy: { fittedAt: "desc" },
      select: { userId: true, groupId: true, parameters: true },
    }),
  ]);
  const learnerWeights = parseWeights(params.find((p) => p.userId === userId)?.parameters);
  const out = new Map<string, TReviewSettings>();
  for (const deckId of deckIds) {
    const deck = decks.find((d) => d.id === deckId);
    if (!deck)
      throw new AppError("NOT_FOUND", `deck ${deckId} does not exist`, { field: "deckId" });
    const link = links.find((l) => l.deckId === deckId);
    if (!link) {
      throw new AppError("FORBIDDEN", `you are not in a group that studies deck "${deck.slug}"`, {
        field: "deckId",
      });
    }
    const groupWeights = parseWeights(params.find((p) => p.groupId === link.groupId)?.parameters);
    out.set(
      deckId,
      resolveReviewSettings({
        groupId: link.groupId,
        groupPreset: link.preset,
        deckPreset: deck.preset,
        overridesJson: settings?.overrides ?? null,
        learnerWeights,
        groupWeights,
      }),
    );
  }
  return {
    day: { timeZone: settings?.timeZone ?? "UTC", dayStartHour: settings?.dayStartHour ?? 4 },
    locale: settings?.locale ?? null,
    decks: out,
  };
}

export function schedulerSettings(s: TReviewSettings): SchedulerSettings {
  return {
    desiredRetention: s.desiredRetention,
    maximumInterval: s.maximumInterval,
    enableFuzz: s.enableFuzz,
    learningSteps: s.learningSteps,
    relearningSteps: s.relearningSteps,
    weights: s.weights,
  };
}

export type CardStateRow = Awaited<ReturnType<Db["cardState"]["findUnique"]>> & {};

export function memoryOf(s: CardStateRow): MemoryCard {
  return {
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
  };
}

export function findLogByRequestId(db: Reader, userId: string, requestId: string) {
  return db.reviewLog.findUnique({ where: { userId_requestId: { userId, requestId } } });
}

export function findCardWithState(db: Reader, userId: string, cardId: string) {
  return db.card.findUnique({
    where: { id: cardId },
    include: { states: { where: { userId } } },
  });
}

export function findCardState(db: Reader, userId: string, cardId: string) {
  return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

/** Today's reviews of the learner (few rows: index userId, reviewedAt). */
export function findLogsSince(db: Reader, userId: string, since: Date) {
  return db.reviewLog.findMany({
    where: { userId, reviewedAt: { gte: since } },
    select: {
      cardId: true,
      deckId: true,
      stateBefore: true,
      card: { select: { siblingKey: true } },
    },
  });
}

const queueCardSelect = {
  id: true,
  deckId: true,
  kind: true,
  siblingKey: true,
  position: true,
  retiredAt: true,
} as const;

/** Learning and relearning cards due by `now`, by due time (index userId, deckId, suspended, state, due). */
export function findDueLearning(
  db: Reader,
  userId: string,
  deckId: string,
  now: Date,
  take: number,
) {
  return db.cardState.findMany({
    where: { userId, deckId, suspended: false, state: { in: [1, 3] }, due: { lte: now } },
    orderBy: { due: "asc" },
    take,
    include: { card: { select: queueCardSelect } },
  });
}

/** Review cards due before the end of the learner's day, most overdue first. */
export function findDueReviews(
  db: Reader,
  userId: string,
  deckId: string,
  before: Date,
  take: number,
) {
  return db.cardState.findMany({
    where: { userId, deckId, suspended: false, state: 2, due: { lt: before } },
    orderBy: { due: "asc" },
    take,
    include: { card: { select: queueCardSelect } },
  });
}

/**
 * New cards in deck order from the learner's cursor: no state row, or a state row still New (and
 * not suspended or buried). Pages through Card(deckId, retiredAt, position) and looks the page's
 * states up by primary key, so the cost follows the page, not the learner's history (a relation
 * filter compiles to NOT IN (subquery), which reads every state of the learner).
 */
export async function findNewCards(
  db: Reader,
  userId: string,
  deckId: string,
  fromPosition: number,
  now: Date,
  take: number,
) {
  const out: Awaited<ReturnType<typeof pageCards>> = [];
  let after: { position: number; id: string } | null = null;
  for (let page = 0; page < 20 && out.length < take; page++) {
    const cards = await pageCards(db, deckId, fromPosition, after, take + 20);
    if (cards.length === 0) break;
    const states = await db.cardState.findMany({
      where: { userId, cardId: { in: cards.map((c) => c.id) } },
      select: { cardId: true, state: true, suspended: true, buriedUntil: true },
    });
    const byId = new Map(states.map((st) => [st.cardId, st]));
    for (const c of cards) {
      const st = byId.get(c.id);
      const isNew =
        !st || (st.state === 0 && !st.suspended && (!st.buriedUntil || st.buriedUntil <= now));
      if (isNew && out.length < take) out.push(c);
    }
    const last = cards[cards.length - 1];
    if (!last || cards.length < take + 20) break;
    after = { position: last.position, id: last.id };
  }
  return out;
}

function pageCards(
  db: Reader,
  deckId: string,
  fromPosition: number,
  after: { position: number; id: string } | null,
  take: number,
) {
  return db.card.findMany({
    where: {
      deckId,
      retiredAt: null,
      ...(after
        ? {
            OR: [
              { position: { gt: after.position } },
              { position: after.position, id: { gt: after.id } },
            ],
          }
        : { position: { gte: fromPosition } }),
    },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take,
    select: queueCardSelect,
  });
}

export async function findNewCursors(
  db: Reader,
  userId: string,
  deckIds: string[],
): Promise<Map<string, number>> {
  const rows = await db.learnerDeckProgress.findMany({
    where: { userId, deckId: { in: deckIds } },
    select: { deckId: true, newCursor: true },
  });
  return new Map(rows.map((r) => [r.deckId, r.newCursor]));
}

/** The first position at or after `from` holding a live card still New to the learner. */
export async function findFirstNewPosition(
  db: Reader,
  userId: string,
  deckId: string,
  from: number,
): Promise<number | null> {
  let after: { position: number; id: string } | null = null;
  for (let page = 0; page < 50; page++) {
    const cards = await pageCards(db, deckId, from, after, 100);
    if (cards.length === 0) return null;
    const states = await db.cardState.findMany({
      where: { userId, cardId: { in: cards.map((c) => c.id) }, state: { not: 0 } },
      select: { cardId: true },
    });
    const studied = new Set(states.map((st) => st.cardId));
    const first = cards.find((c) => !studied.has(c.id));
    if (first) return first.position;
    const last = cards[cards.length - 1];
    if (!last || cards.length < 100) return null;
    after = { position: last.position, id: last.id };
  }
  return from; // give up advancing: the cursor stays a safe lower bound
}

export function findLastLog(db: Reader, userId: string, cardId?: string) {
  return db.reviewLog.findFirst({
    where: { userId, ...(cardId ? { cardId } : {}) },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
  });
}

/** The card and the learner's state of it; NOT_FOUND / FORBIDDEN when the learner cannot see it. */
export async function loadCardForLearner(db: Reader, userId: string, cardId: string) {
  const card = await findCardWithState(db, userId, cardId);
  if (!card) throw new AppError("NOT_FOUND", `card ${cardId} does not exist`, { field: "cardId" });
  const ctx = await loadLearnerContext(db, userId, [card.deckId]);
  const settings = ctx.decks.get(card.deckId);
  if (!settings) throw new AppError("FORBIDDEN", "you cannot review this card");
  return { card, state: card.states[0] ?? null, settings, ctx };
}
