// A learner's own data: account, settings, memberships, the cards they have studied with their
// schedule, and the review log in the FSRS optimiser's CSV format
// (card_id,review_time,review_rating,review_state,review_duration; time in ms since the epoch).
import type { Db } from "../client.ts";
import { toCsv } from "../groups/get-group-dashboard.ts";

export interface LearnerExport {
  files: Record<string, string>;
}

export async function exportLearnerData(options: {
  db: Db;
  userId: string;
  now: Date;
}): Promise<LearnerExport> {
  const { db, userId, now } = options;
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      settings: true,
      memberships: {
        select: { role: true, createdAt: true, group: { select: { name: true, slug: true } } },
      },
    },
  });
  const states = await db.cardState.findMany({
    where: { userId },
    orderBy: { cardId: "asc" },
    include: {
      card: { select: { key: true, kind: true, content: true, deck: { select: { slug: true } } } },
    },
  });
  const logs = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: {
      cardId: true,
      reviewedAt: true,
      rating: true,
      stateBefore: true,
      durationMs: true,
      card: { select: { key: true } },
    },
  });
  const schedule = toCsv(
    [
      "card_id",
      "card_key",
      "deck",
      "state",
      "due",
      "stability",
      "difficulty",
      "reps",
      "lapses",
      "last_review",
      "suspended",
    ],
    states.map((s) => [
      s.cardId,
      s.card.key,
      s.card.deck.slug,
      s.state,
      s.due,
      s.stability,
      s.difficulty,
      s.reps,
      s.lapses,
      s.lastReview,
      s.suspended,
    ]),
  );
  const reviewLog = toCsv(
    ["card_id", "review_time", "review_rating", "review_state", "review_duration"],
    logs.map((l) => [l.cardId, l.reviewedAt.getTime(), l.rating, l.stateBefore, l.durationMs]),
  );
  const cards = states.map((s) => ({
    id: s.cardId,
    key: s.card.key,
    kind: s.card.kind,
    deck: s.card.deck.slug,
    content: JSON.parse(s.card.content) as unknown,
  }));
  return {
    files: {
      "account.json": JSON.stringify({ exportedAt: now.toISOString(), ...user }, null, 2),
      "cards.json": JSON.stringify(cards, null, 2),
      "schedule.csv": schedule,
      "revlog.csv": reviewLog,
    },
  };
}
