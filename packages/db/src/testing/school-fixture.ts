// A school-sized instance for the instructor bench and the dashboard's recount test: one group of
// `members` learners (plus its owner) subscribed to one deck of `cards` cards; every learner has
// studied a share of the deck (card states, some overdue) and reviewed `logsPerMember` times over
// the last `days` days. Deterministic from `seed`. Users, cards and memberships go through Prisma;
// card states and logs (the bulk: 540,000 logs for 300 × 1,800) are bulk-inserted on the driver —
// one prepared statement in one transaction on SQLite, `unnest` batches on Postgres.
import { parseNote } from "@strides/content";
import type { Db } from "../client.ts";
import { sql } from "../review/sql-values.ts";
import { type SqlRunner, sqlRunnerOf } from "../sql-runner.ts";

const DAY = 86_400_000;

export interface SchoolFixtureOptions {
  db: Db;
  now: Date;
  members: number;
  logsPerMember: number;
  days: number;
  cards: number;
  /** Share of the deck each learner has studied (card states), default 0.6. */
  studied?: number;
  seed?: number;
  slug?: string;
}

export interface SchoolFixture {
  groupId: string;
  slug: string;
  deckId: string;
  ownerId: string;
  memberIds: string[];
  cardIds: string[];
  logs: number;
  cardStates: number;
}

/** mulberry32: a small seeded generator (the fixture must be the same on both databases). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TIME_ZONES = ["Asia/Seoul", "UTC", "America/New_York", "Europe/Berlin"] as const;
/** Learners' day-start hours: five, so time zone and day start combine in twenty ways. */
const DAY_STARTS = [4, 0, 9, 23, 6] as const;

interface LogRow {
  id: string;
  userId: string;
  cardId: string;
  rating: number;
  reviewedAt: Date;
  stateBefore: number;
  durationMs: number;
}

interface StateRow {
  userId: string;
  cardId: string;
  state: number;
  due: Date;
  suspended: boolean;
  lapses: number;
}

export async function createSchoolFixture(o: SchoolFixtureOptions): Promise<SchoolFixture> {
  const { db, now } = o;
  const random = seededRandom(o.seed ?? 18);
  const slug = o.slug ?? "school";
  const preset = await db.deckPreset.create({
    data: { name: `${slug} preset`, newPerDay: 0, reviewsPerDay: 500 },
  });
  const deck = await db.deck.create({
    data: { slug: `${slug}-deck`, name: "School deck", presetId: preset.id },
  });
  const group = await db.group.create({ data: { name: "School", slug } });
  await db.groupDeck.create({ data: { groupId: group.id, deckId: deck.id } });

  const note = Array.from(
    { length: o.cards },
    (_, i) => `Stride of layer ${i} with $s=${(i % 3) + 1}$::$${(i % 3) + 1}$ (card ${i})`,
  ).join("\n\n");
  const parsed = parseNote({ text: `# School\n\n${note}\n`, file: `${slug}.md` });
  if (parsed.errors.length > 0 || parsed.cards.length < o.cards) {
    throw new Error(`school note: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  }
  const cardIds = Array.from(
    { length: o.cards },
    (_, i) => `${slug}-c${String(i).padStart(6, "0")}`,
  );
  const cardRows = parsed.cards.slice(0, o.cards).map((card, i) => ({
    id: cardIds[i] as string,
    deckId: deck.id,
    key: card.id,
    kind: card.kind,
    contentHash: card.contentHash,
    content: JSON.stringify(card),
    searchText: `Stride of layer ${i}\n${(i % 3) + 1}`,
    context: card.context.join(" › "),
    siblingKey: card.siblingKey,
    position: i,
  }));
  for (let i = 0; i < cardRows.length; i += 2000) {
    await db.card.createMany({ data: cardRows.slice(i, i + 2000) });
  }

  const ownerId = `${slug}-owner`;
  const memberIds = Array.from(
    { length: o.members },
    (_, i) => `${slug}-m${String(i).padStart(5, "0")}`,
  );
  const users = [ownerId, ...memberIds];
  await db.user.createMany({
    data: users.map((id, i) => ({
      id,
      name: i === 0 ? "Owner" : `Learner ${i}`,
      email: `${id}@school.test`,
    })),
  });
  await db.learnerSettings.createMany({
    data: users.map((userId, i) => ({
      userId,
      timeZone: TIME_ZONES[i % TIME_ZONES.length] as string,
      dayStartHour: DAY_STARTS[i % DAY_STARTS.length] as number,
      locale: i % 2 ? "ko" : "en",
    })),
  });
  // Joined one after another (createdAt orders the dashboard's member table).
  await db.membership.createMany({
    data: users.map((userId, i) => ({
      groupId: group.id,
      userId,
      role: i === 0 ? "owner" : "member",
      createdAt: new Date(now.getTime() - 60 * DAY + i * 1000),
    })),
  });

  // How hard each card is: the share of Again its reviews get.
  const hardness = cardIds.map(() => random() * random() * 0.5);
  const runner = sqlRunnerOf(db);
  let logCount = 0;
  let stateCount = 0;
  const studiedShare = o.studied ?? 0.6;
  const logs: LogRow[] = [];
  const states: StateRow[] = [];
  const flush = async (force: boolean) => {
    if (logs.length >= 50_000 || (force && logs.length > 0)) {
      await insertLogs(runner, deck.id, logs.splice(0));
    }
    if (states.length >= 50_000 || (force && states.length > 0)) {
      await insertStates(runner, deck.id, states.splice(0), now);
    }
  };
  for (const userId of memberIds) {
    const studied = cardIds.map((_, k) => k).filter(() => random() < studiedShare);
    if (studied.length === 0) studied.push(0);
    for (const k of studied) {
      const cardId = cardIds[k] as string;
      const r = random();
      states.push({
        userId,
        cardId,
        state: r < 0.9 ? 2 : r < 0.96 ? 3 : 1,
        // From three days overdue to ten days ahead.
        due: new Date(now.getTime() + Math.round((random() * 13 - 3) * DAY)),
        suspended: random() < 0.01,
        lapses: Math.floor(random() * 3),
      });
    }
    stateCount += studied.length;
    const perDay = o.logsPerMember / o.days;
    for (let i = 0; i < o.logsPerMember; i++) {
      const daysAgo = Math.floor(i / perDay);
      const at = now.getTime() - daysAgo * DAY - Math.floor(random() * DAY) - 1;
      const k = studied[Math.floor(random() * studied.length)] as number;
      const cardId = cardIds[k] as string;
      const s = random();
      const stateBefore = s < 0.8 ? 2 : s < 0.9 ? 1 : s < 0.95 ? 3 : 0;
      const again = random() < (hardness[k] ?? 0.1);
      logs.push({
        id: `${userId}-l${i}`,
        userId,
        cardId,
        rating: again ? 1 : 2 + Math.floor(random() * 3),
        reviewedAt: new Date(at),
        stateBefore,
        durationMs: 1500 + Math.floor(random() * 25_000),
      });
    }
    logCount += o.logsPerMember;
    await flush(false);
  }
  await flush(true);
  return {
    groupId: group.id,
    slug,
    deckId: deck.id,
    ownerId,
    memberIds,
    cardIds,
    logs: logCount,
    cardStates: stateCount,
  };
}

const iso = (d: Date) => d.toISOString().replace("T", " ").slice(0, 23);

async function insertLogs(runner: SqlRunner, deckId: string, rows: LogRow[]): Promise<void> {
  if (runner.provider === "sqlite") {
    await runner.transaction(async (tx) => {
      for (const l of rows) {
        await tx.execute(sql`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "deckId",
          "requestId", "rating", "reviewedAt", "stateBefore", "stateAfter", "dueAfter",
          "stabilityBefore", "stability", "difficultyBefore", "difficulty", "elapsedDays",
          "lastElapsedDays", "scheduledDays", "learningSteps", "durationMs", "hasSiblings")
          VALUES (${l.id}, ${l.userId}, ${l.cardId}, ${deckId}, ${l.id}, ${l.rating},
            ${l.reviewedAt}, ${l.stateBefore}, 2, ${new Date(l.reviewedAt.getTime() + 3 * DAY)},
            3, 4, 5, 5, 3, 3, 3, 0, ${l.durationMs}, 0)`);
      }
    });
    return;
  }
  const col = <T>(f: (l: LogRow) => T) => rows.map(f);
  await runner.execute(sql`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "deckId",
    "requestId", "rating", "reviewedAt", "stateBefore", "stateAfter", "dueAfter",
    "stabilityBefore", "stability", "difficultyBefore", "difficulty", "elapsedDays",
    "lastElapsedDays", "scheduledDays", "learningSteps", "durationMs", "hasSiblings")
    SELECT t.id, t.uid, t.cid, ${deckId}, t.id, t.rating, t.at, t.sb, 2,
      t.at + interval '3 days', 3, 4, 5, 5, 3, 3, 3, 0, t.ms, false
    FROM unnest(${col((l) => l.id)}::text[], ${col((l) => l.userId)}::text[],
      ${col((l) => l.cardId)}::text[], ${col((l) => l.rating)}::int[],
      ${col((l) => iso(l.reviewedAt))}::timestamp(3)[], ${col((l) => l.stateBefore)}::int[],
      ${col((l) => l.durationMs)}::int[]) AS t(id, uid, cid, rating, at, sb, ms)`);
}

async function insertStates(
  runner: SqlRunner,
  deckId: string,
  rows: StateRow[],
  now: Date,
): Promise<void> {
  if (runner.provider === "sqlite") {
    await runner.transaction(async (tx) => {
      for (const s of rows) {
        await tx.execute(sql`INSERT INTO "CardState" ("userId", "cardId", "deckId", "state", "due",
          "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps",
          "lapses", "lastReview", "suspended", "leech", "createdAt", "updatedAt")
          VALUES (${s.userId}, ${s.cardId}, ${deckId}, ${s.state}, ${s.due}, 4, 5, 3, 3, 0, 5,
            ${s.lapses}, ${now}, ${s.suspended}, 0, ${now}, ${now})`);
      }
    });
    return;
  }
  const col = <T>(f: (s: StateRow) => T) => rows.map(f);
  await runner.execute(sql`INSERT INTO "CardState" ("userId", "cardId", "deckId", "state", "due",
    "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses",
    "lastReview", "suspended", "leech", "createdAt", "updatedAt")
    SELECT t.uid, t.cid, ${deckId}, t.state, t.due, 4, 5, 3, 3, 0, 5, t.lapses,
      ${now}, t.susp, false, ${now}, ${now}
    FROM unnest(${col((s) => s.userId)}::text[], ${col((s) => s.cardId)}::text[],
      ${col((s) => s.state)}::int[], ${col((s) => iso(s.due))}::timestamp(3)[],
      ${col((s) => s.suspended)}::boolean[], ${col((s) => s.lapses)}::int[])
      AS t(uid, cid, state, due, susp, lapses)`);
}
