// The SQL dashboard against a straightforward recount: the algorithm the dashboard had before it was
// aggregated in the database (every log of the window loaded and filtered in JavaScript, due counts
// one member at a time), kept here as the oracle, on a small school fixture (members in four time
// zones, logs over 40 days so some fall outside the window, hard and easy cards).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client.ts";
import { openDb } from "../client.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { countDueToday } from "../stats/count-due-today.ts";
import { createSchoolFixture, type SchoolFixture } from "../testing/school-fixture.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { getDashboardCards, getGroupDashboard } from "./get-group-dashboard.ts";

const DAY = 86_400_000;
const now = new Date("2026-05-10T15:37:12.345Z");

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
    const day = learnerDay(now, {
      timeZone: m.user.settings?.timeZone ?? "UTC",
      dayStartHour: m.user.settings?.dayStartHour ?? 4,
    });
    const base = {
      userId: m.user.id,
      deckId: { in: deckIds },
      suspended: false,
      state: { not: 0 },
      card: { retiredAt: null },
    };
    // "Due today" is the learner's queue count (one definition, pinned by count-due-today's test).
    const dueToday = (await countDueToday({ db, userId: m.user.id, deckIds, now })).due;
    const overdue = await db.cardState.count({ where: { ...base, due: { lt: day.start } } });
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
    // The fixture exercises what it should: overdue cards, time zones, a window edge.
    expect(expected.members.some((m) => m.overdue > 0 && m.dueToday > m.overdue)).toBe(true);
    expect(expected.members.filter((m) => m.reviews30 > 0).length).toBe(11);
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
