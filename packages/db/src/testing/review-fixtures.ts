// Test data for the review service: a learner in a group that subscribes to a deck of cards.
import type { Db } from "../client.ts";

export interface ReviewFixture {
  userId: string;
  groupId: string;
  deckId: string;
  presetId: string;
  cardIds: string[];
}

export interface ReviewFixtureOptions {
  userId?: string;
  deckSlug?: string;
  cards?: number;
  /** Cards per note (siblings share a siblingKey). Default 1. */
  perNote?: number;
  preset?: Partial<{
    desiredRetention: number;
    newPerDay: number;
    reviewsPerDay: number;
    learningSteps: string;
    relearningSteps: string;
    enableFuzz: boolean;
    leechThreshold: number;
    leechAction: string;
    easyBelowMs: number;
    hardAfterMs: number;
    learnerOverridable: string;
  }>;
  timeZone?: string;
  dayStartHour?: number;
  locale?: string;
  kind?: string;
  content?: (i: number) => unknown;
}

export async function createReviewFixture(
  db: Db,
  o: ReviewFixtureOptions = {},
): Promise<ReviewFixture> {
  const userId = o.userId ?? "learner-1";
  const slug = o.deckSlug ?? "deck-1";
  const n = o.cards ?? 10;
  const perNote = o.perNote ?? 1;
  await db.user.upsert({
    where: { id: userId },
    create: { id: userId, name: userId, email: `${userId}@example.test` },
    update: {},
  });
  await db.learnerSettings.upsert({
    where: { userId },
    create: {
      userId,
      timeZone: o.timeZone ?? "UTC",
      dayStartHour: o.dayStartHour ?? 4,
      locale: o.locale ?? "en",
    },
    update: {},
  });
  const group = await db.group.create({ data: { name: `g-${slug}`, slug: `g-${slug}-${userId}` } });
  await db.membership.create({ data: { groupId: group.id, userId } });
  const preset = await db.deckPreset.create({
    data: { name: `p-${slug}`, enableFuzz: false, ...o.preset },
  });
  const deck = await db.deck.create({ data: { slug, name: slug, presetId: preset.id } });
  await db.groupDeck.create({ data: { groupId: group.id, deckId: deck.id } });
  const cardIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await db.card.create({
      data: {
        deckId: deck.id,
        key: `card-${i}`,
        kind: o.kind ?? "basic",
        contentHash: `h${i}`,
        content: JSON.stringify(o.content ? o.content(i) : { front: `Q${i}`, back: `A${i}` }),
        siblingKey: `${slug}/note-${Math.floor(i / perNote)}`,
        position: i,
      },
    });
    cardIds.push(c.id);
  }
  return { userId, groupId: group.id, deckId: deck.id, presetId: preset.id, cardIds };
}
