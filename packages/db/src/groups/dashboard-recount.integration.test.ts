// The SQL dashboard against a straightforward recount: the algorithm the dashboard had before it was
// aggregated in the database (every log of the window loaded and filtered in JavaScript), kept here
// as the oracle, with each member's due today and overdue taken from the learner's own review queue
// (what their home and review page show), on a small school fixture: members in four time zones
// with five day-start hours, logs over 40 days so some fall outside the window, hard and easy cards,
// daily limits set three ways (a learner's override, a group listed first), a buried card and a
// card buried as the sibling of today's review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client.ts";
import { openDb } from "../client.ts";
import { buildReviewQueue } from "../review/build-review-queue.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { countDueToday } from "../stats/count-due-today.ts";
import { createSchoolFixture, type SchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { outsidersReviewed } from "./dashboard-queries.ts";
import { getDashboardCards, getGroupDashboard } from "./get-group-dashboard.ts";

const DAY = 86_400_000;
const now = new Date("2026-05-10T15:37:12.345Z");

/**
 * What the learner sees: "due today" as their home page counts it, and overdue as the part of their
 * queue (learning and review cards, the whole day's) that was due before their day began.
 */
async function learnerSide(db: Db, userId: string, deckIds: string[]) {
  const queue = await buildReviewQueue({ db, userId, deckIds, now, limit: 10_000 });
  const shown = queue.cards.filter((c) => c.queue !== "new");
  // The queue's list shows one card per note: the fixture keeps notes apart, so it holds them all.
  expect(shown.length).toBe(queue.counts.learning + queue.counts.review);
  return {
    dueToday: (await countDueToday({ db, userId, deckIds, now })).due,
    overdue: shown.filter((c) => c.due !== null && c.due < queue.day.start).length,
  };
}

/**
 * Makes a due review card of `userId` the sibling of a card they reviewed today (so their queue
 * hides it for the day), choosing a pair no other member has both of due soon (their queue lists
 * one card per note).
 */
async function buryASibling(db: Db, userId: string, others: string[]): Promise<string> {
  const settings = await db.learnerSettings.findUniqueOrThrow({ where: { userId } });
  const day = learnerDay(now, settings);
  const today = await db.reviewLog.findMany({
    where: { userId, reviewedAt: { gte: day.start } },
    orderBy: { id: "asc" },
  });
  const reviewed = new Set(today.map((l) => l.cardId));
  const due = await db.cardState.findMany({
    where: { userId, state: 2, suspended: false, due: { lt: day.end } },
    orderBy: { cardId: "asc" },
  });
  const soon = await db.cardState.findMany({
    where: { userId: { in: others }, due: { lt: new Date(now.getTime() + 2 * DAY) } },
    select: { userId: true, cardId: true },
  });
  const soonOf = new Map<string, Set<string>>();
  for (const s of soon) soonOf.set(s.userId, (soonOf.get(s.userId) ?? new Set()).add(s.cardId));
  for (const l of today) {
    for (const s of due) {
      if (reviewed.has(s.cardId)) continue;
      if ([...soonOf.values()].some((set) => set.has(l.cardId) && set.has(s.cardId))) continue;
      const k = await db.card.findUniqueOrThrow({ where: { id: l.cardId } });
      await db.card.update({ where: { id: s.cardId }, data: { siblingKey: k.siblingKey } });
      await db.reviewLog.update({ where: { id: l.id }, data: { hasSiblings: true } });
      return s.cardId;
    }
  }
  throw new Error("the fixture has no pair of cards to make siblings");
}

/** The dashboard as computed before the rewrite (cards ordered with the id as last tie-break). */
async function recount(db: Db, groupId: string) {
  const memberships = await db.membership.findMany({
    where: { groupId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      user: { select: { id: true, name: true, email: true, settings: true } },
    },
  });
  const links = await db.groupDeck.findMany({ where: { groupId }, select: { deckId: true } });
  const userIds = memberships.map((m) => m.user.id);
  const deckIds = links.map((l) => l.deckId);
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since7 = new Date(now.getTime() - 7 * DAY);
  const logs = await db.reviewLog.findMany({
    where: { userId: { in: userIds }, deckId: { in: deckIds }, reviewedAt: { gte: since30 } },
  });
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 29 * DAY;
  const dailyCounts = (list: typeof logs) => {
    const counts = new Array<number>(30).fill(0);
    for (const l of list) {
      const i = Math.floor((l.reviewedAt.getTime() - first) / DAY);
      if (i >= 0 && i < 30) counts[i] = (counts[i] ?? 0) + 1;
    }
    return counts;
  };
  const members = [];
  for (const m of memberships) {
    // Due today and overdue are the learner's own (one definition, pinned by count-due-today's test).
    const { dueToday, overdue } = await learnerSide(db, m.user.id, deckIds);
    const last = await db.reviewLog.findFirst({
      where: { userId: m.user.id, deckId: { in: deckIds } },
      orderBy: { reviewedAt: "desc" },
    });
    const mine = logs.filter((l) => l.userId === m.user.id);
    const mature = mine.filter((l) => l.stateBefore === 2);
    members.push({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      dueToday,
      overdue,
      reviews7: mine.filter((l) => l.reviewedAt >= since7).length,
      reviews30: mine.length,
      trueRetention:
        mature.length === 0 ? null : mature.filter((l) => l.rating > 1).length / mature.length,
      lastActive: last?.reviewedAt ?? null,
      daily: dailyCounts(mine),
    });
  }
  const byCard = new Map<string, typeof logs>();
  for (const l of logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
  const cardRows = await db.card.findMany({
    where: { id: { in: [...byCard.keys()] } },
    select: { id: true, searchText: true, deck: { select: { slug: true } } },
  });
  const cards = cardRows.map((c) => {
    const list = byCard.get(c.id) ?? [];
    const reviewState = list.filter((l) => l.stateBefore === 2);
    return {
      cardId: c.id,
      deckSlug: c.deck.slug,
      text: (c.searchText.split("\n")[0] ?? "").slice(0, 140),
      reviews: list.length,
      againRate: list.filter((l) => l.rating === 1).length / list.length,
      lapseRate:
        reviewState.length === 0
          ? 0
          : reviewState.filter((l) => l.rating === 1).length / reviewState.length,
      avgMs: list.reduce((s, l) => s + l.durationMs, 0) / list.length,
    };
  });
  cards.sort(
    (a, b) =>
      b.againRate - a.againRate ||
      b.lapseRate - a.lapseRate ||
      b.avgMs - a.avgMs ||
      (a.cardId < b.cardId ? -1 : 1),
  );
  const activity = [];
  for (let i = 29; i >= 0; i--) {
    const start = new Date(first + (29 - i) * DAY);
    const end = new Date(start.getTime() + DAY);
    const inDay = logs.filter((l) => l.reviewedAt >= start && l.reviewedAt < end);
    activity.push({
      day: start.toISOString().slice(0, 10),
      reviews: inDay.length,
      learners: new Set(inDay.map((l) => l.userId)).size,
    });
  }
  return { members, cards, activity };
}

describe(`dashboard equals a recount on ${testDbKind()}`, () => {
  let t: TestDb;
  let fx: SchoolFixture;
  beforeAll(async () => {
    t = await createTestDb();
    fx = await createSchoolFixture({
      db: t.db,
      now,
      members: 12,
      logsPerMember: 160,
      days: 40,
      cards: 80,
      seed: 7,
    });
    // A card retired since (its logs count, its due state does not) and a member who left.
    await t.db.card.update({ where: { id: fx.cardIds[3] }, data: { retiredAt: now } });
    await t.db.membership.delete({
      where: { groupId_userId: { groupId: fx.groupId, userId: fx.memberIds[5] as string } },
    });
    const m = fx.memberIds as [string, string, string, string, string, ...string[]];
    // Daily review limits: two learners' own overrides, and a group listed before the school (the
    // first link of a deck gives its preset) that allows one review a day.
    const limit = (n: number) => JSON.stringify({ reviewsPerDay: n });
    await t.db.learnerSettings.update({ where: { userId: m[0] }, data: { overrides: limit(2) } });
    await t.db.learnerSettings.update({ where: { userId: m[1] }, data: { overrides: limit(0) } });
    const tight = await t.db.deckPreset.create({
      data: { name: "tight", reviewsPerDay: 1, newPerDay: 0 },
    });
    await t.db.group.create({ data: { id: "0-first", name: "First", slug: "first" } });
    await t.db.groupDeck.create({
      data: { groupId: "0-first", deckId: fx.deckId, presetId: tight.id },
    });
    await t.db.membership.create({ data: { groupId: "0-first", userId: m[4], role: "member" } });
    // A buried card, and a card buried as the sibling of one reviewed today.
    const first = await t.db.cardState.findFirstOrThrow({
      where: { userId: m[2], state: 2, suspended: false, due: { lt: now } },
      orderBy: { due: "asc" },
    });
    await t.db.cardState.update({
      where: { userId_cardId: { userId: m[2], cardId: first.cardId } },
      data: { buriedUntil: new Date(now.getTime() + DAY) },
    });
    await buryASibling(
      t.db,
      m[3],
      m.filter((id) => id !== m[3]),
    );
  }, 120_000);
  afterAll(async () => t?.destroy());

  it("has the same members, counts, retention, activity and hardest cards", async () => {
    const actor = { userId: fx.ownerId, instanceRole: "user" as const };
    const expected = await recount(t.db, fx.groupId);
    const d = await getGroupDashboard({ db: t.db, actor, groupId: fx.groupId, now });
    expect(d.members).toEqual(expected.members);
    expect(d.activity).toEqual(expected.activity);
    expect(d.cardTotal).toBe(expected.cards.length);
    expect(d.cards).toEqual(expected.cards.slice(0, d.cardPage.pageSize));
    const all = await getDashboardCards({ db: t.db, actor, groupId: fx.groupId, now });
    expect(all).toEqual(expected.cards);
    // Pages join up to the whole table.
    const pages = [];
    for (let page = 1; page <= Math.ceil(d.cardTotal / 25); page++) {
      const p = await getGroupDashboard({
        db: t.db,
        actor,
        groupId: fx.groupId,
        now,
        cardPage: page,
        cardPageSize: 25,
      });
      pages.push(...p.cards);
    }
    expect(pages).toEqual(expected.cards);
    // The fixture exercises what it should: overdue cards, time zones, a window edge, daily limits.
    expect(expected.members.some((m) => m.overdue > 0 && m.dueToday > m.overdue)).toBe(true);
    for (const userId of fx.memberIds.slice(0, 2).concat(fx.memberIds[4] ?? "")) {
      const states = await t.db.cardState.count({
        where: { userId, state: 2, suspended: false, due: { lt: now } },
      });
      const row = expected.members.find((x) => x.userId === userId);
      expect(row?.dueToday).toBeLessThan(states);
    }
    expect(expected.members.filter((m) => m.reviews30 > 0).length).toBe(11);
  });

  it("reads the cards' daily rows once only members reviewed the decks, with the same answer", async () => {
    const actor = { userId: fx.ownerId, instanceRole: "user" as const };
    const w = { groupId: fx.groupId, since30: new Date(now.getTime() - 30 * DAY), since7: now };
    // The member who left has logs in the window: the card table reads the logs.
    expect(await outsidersReviewed(t.db, w)).toBe(true);
    const departed = fx.memberIds[5] as string;
    await t.db.reviewLog.deleteMany({ where: { userId: departed } });
    expect(await outsidersReviewed(t.db, w)).toBe(false);
    const expected = await recount(t.db, fx.groupId);
    const d = await getGroupDashboard({ db: t.db, actor, groupId: fx.groupId, now });
    expect(d.members).toEqual(expected.members);
    expect(d.activity).toEqual(expected.activity);
    expect(await getDashboardCards({ db: t.db, actor, groupId: fx.groupId, now })).toEqual(
      expected.cards,
    );
    // The window's first day is cut (15:37): its earlier logs are left out, its later ones counted.
    const firstDay = new Date(Math.floor(w.since30.getTime() / DAY) * DAY);
    const count = (gte: Date, lt: Date) =>
      t.db.reviewLog.count({ where: { reviewedAt: { gte, lt } } });
    expect(await count(firstDay, w.since30)).toBeGreaterThan(0);
    expect(await count(w.since30, new Date(firstDay.getTime() + DAY))).toBeGreaterThan(0);
  });

  it.runIf(testDbKind() === "sqlite")("gives the same answer from the read worker", async () => {
    const handle = await openDb(t.url, { readWorker: true });
    try {
      const actor = { userId: fx.ownerId, instanceRole: "user" as const };
      const a = await getGroupDashboard({ db: handle.db, actor, groupId: fx.groupId, now });
      const b = await getGroupDashboard({ db: t.db, actor, groupId: fx.groupId, now });
      expect(a).toEqual(b);
    } finally {
      await handle.close();
    }
  });
});
