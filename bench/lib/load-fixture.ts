// Simulated learners for the load bench and the reliability tests: one group subscribed to one deck
// of `cards` basic cards; every learner is a member, has every card due for review today, and has
// an API token of their own. The deck allows 500 reviews a day (a heavy backlog day; the queue
// counts the reviews due up to that limit on every step); the load bench spreads its closed loop
// over a pool of learners so that none reaches the limit within its runs.
import { parseNote } from "@strides/content";
import { createApiToken, openDb } from "@strides/db";

export interface Learner {
  userId: string;
  token: string;
}

export interface LoadFixture {
  deckId: string;
  cardIds: string[];
  learners: Learner[];
}

export interface LoadFixtureOptions {
  url: string;
  learners: number;
  cards: number;
  now: Date;
}

/** The literal of a UTC timestamp as each provider stores Prisma's DateTime. */
function timestampLiteral(provider: "sqlite" | "postgres", d: Date): string {
  const iso = d.toISOString();
  return provider === "sqlite" ? `'${iso.replace("Z", "+00:00")}'` : `'${iso.slice(0, -1)}'`;
}

export async function createLoadFixture(o: LoadFixtureOptions): Promise<LoadFixture> {
  const handle = await openDb(o.url);
  const { db, provider } = handle;
  try {
    const preset = await db.deckPreset.create({
      data: { name: "bench", newPerDay: 0, reviewsPerDay: 500 },
    });
    const deck = await db.deck.create({
      data: { slug: "bench-deck", name: "Bench deck", presetId: preset.id },
    });
    const group = await db.group.create({ data: { name: "Bench group", slug: "bench-group" } });
    await db.groupDeck.create({ data: { groupId: group.id, deckId: deck.id } });
    // Real cards from the note parser (front/back Markdown with math), as an import stores them.
    const note = Array.from(
      { length: o.cards },
      (_, i) =>
        `Receptive field of conv layer ${i} with $k=3$, $d=${(i % 4) + 1}$::$k + (k-1)(d-1) = ${3 + 2 * (i % 4)}$ (card ${i})`,
    ).join("\n\n");
    const parsed = parseNote({ text: `# Bench\n\n${note}\n`, file: "bench.md" });
    if (parsed.errors.length > 0 || parsed.cards.length < o.cards) {
      throw new Error(`bench note: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    }
    const cardRows = parsed.cards.slice(0, o.cards).map((card, i) => ({
      id: `bc${String(i).padStart(6, "0")}`,
      deckId: deck.id,
      key: card.id,
      kind: card.kind,
      contentHash: card.contentHash,
      content: JSON.stringify(card),
      searchText: `card ${i}`,
      context: card.context.join(" › "),
      siblingKey: card.siblingKey,
      position: i,
    }));
    for (let i = 0; i < cardRows.length; i += 2000) {
      await db.card.createMany({ data: cardRows.slice(i, i + 2000) });
    }
    const learners: Learner[] = [];
    const users = Array.from(
      { length: o.learners },
      (_, i) => `learner-${String(i).padStart(4, "0")}`,
    );
    await db.user.createMany({
      data: users.map((id) => ({ id, name: id, email: `${id}@bench.test` })),
    });
    await db.learnerSettings.createMany({
      data: users.map((userId) => ({ userId, timeZone: "UTC", dayStartHour: 4, locale: "en" })),
    });
    await db.membership.createMany({
      data: users.map((userId) => ({ groupId: group.id, userId })),
    });
    for (const userId of users) {
      const { token } = await createApiToken({ db, userId, name: "bench", now: o.now });
      learners.push({ userId, token });
    }
    // Every card due for review (state 2) since yesterday, after a 10-day interval.
    const ts = (d: Date) => timestampLiteral(provider, d);
    const due = new Date(o.now.getTime() - 86_400_000);
    const last = new Date(due.getTime() - 10 * 86_400_000);
    const f = provider === "sqlite" ? "0" : "false";
    await db.$executeRawUnsafe(
      `INSERT INTO "CardState" ("userId", "cardId", "deckId", "state", "due", "stability", "difficulty",
         "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "lastReview", "suspended",
         "leech", "createdAt", "updatedAt")
       SELECT u."id", c."id", c."deckId", 2, ${ts(due)}, 10, 5, 10, 10, 0, 3, 0, ${ts(last)}, ${f}, ${f},
         ${ts(last)}, ${ts(last)}
       FROM "user" u CROSS JOIN "Card" c WHERE c."deckId" = '${deck.id}'`,
    );
    // No card is new any more: the new-card cursor is past the deck's end, where the review
    // service would have moved it as those cards left New.
    await db.$executeRawUnsafe(
      `INSERT INTO "LearnerDeckProgress" ("userId", "deckId", "newCursor", "updatedAt")
       SELECT u."id", '${deck.id}', ${cardRows.length}, ${ts(last)} FROM "user" u`,
    );
    return { deckId: deck.id, cardIds: cardRows.map((c) => c.id), learners };
  } finally {
    await handle.close();
  }
}
