// The instructor's view of a group: per member (due, overdue, reviews, true retention, last active),
// per card (lapse rate, again rate, average time; hardest first) and reviews per day. Only staff of
// the group (and the admin) may read it; only the group's members and decks are counted.
import type { Db } from "../client.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

const DAY = 86_400_000;

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: string;
  dueToday: number;
  overdue: number;
  reviews7: number;
  reviews30: number;
  /** Share of reviews of mature-state cards (Review) passed, last 30 days; null without any. */
  trueRetention: number | null;
  lastActive: Date | null;
  /** Reviews per UTC day, last 30 days, oldest first (the member's activity over time). */
  daily: number[];
}

export interface CardRow {
  cardId: string;
  deckSlug: string;
  text: string;
  reviews: number;
  againRate: number;
  /** Share of review-state reviews that lapsed (rated Again). */
  lapseRate: number;
  avgMs: number;
}

export interface GroupDashboard {
  groupId: string;
  members: MemberRow[];
  cards: CardRow[];
  /** Reviews per day (UTC dates), last 30 days, oldest first. */
  activity: { day: string; reviews: number; learners: number }[];
}

function utcDayStart(now: Date, daysAgo: number): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY;
}

function dailyCounts(logs: { reviewedAt: Date }[], now: Date): number[] {
  const first = utcDayStart(now, 29);
  const counts = new Array<number>(30).fill(0);
  for (const l of logs) {
    const i = Math.floor((l.reviewedAt.getTime() - first) / DAY);
    if (i >= 0 && i < 30) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export async function getGroupDashboard(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  now: Date;
}): Promise<GroupDashboard> {
  const { db, actor, groupId, now } = options;
  await requireGroupPermission({ db, actor, groupId, action: "dashboard.view" });
  const [memberships, links] = await Promise.all([
    db.membership.findMany({
      where: { groupId },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            settings: { select: { timeZone: true, dayStartHour: true } },
          },
        },
      },
    }),
    db.groupDeck.findMany({
      where: { groupId },
      select: { deckId: true, deck: { select: { slug: true } } },
    }),
  ]);
  const userIds = memberships.map((m) => m.user.id);
  const deckIds = links.map((l) => l.deckId);
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since7 = new Date(now.getTime() - 7 * DAY);
  const logs = await db.reviewLog.findMany({
    where: { userId: { in: userIds }, deckId: { in: deckIds }, reviewedAt: { gte: since30 } },
    select: {
      userId: true,
      cardId: true,
      rating: true,
      stateBefore: true,
      durationMs: true,
      reviewedAt: true,
    },
  });
  const members: MemberRow[] = [];
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
    const [dueToday, overdue, last] = await Promise.all([
      db.cardState.count({ where: { ...base, due: { lt: day.end } } }),
      db.cardState.count({ where: { ...base, due: { lt: day.start } } }),
      db.reviewLog.findFirst({
        where: { userId: m.user.id, deckId: { in: deckIds } },
        orderBy: { reviewedAt: "desc" },
        select: { reviewedAt: true },
      }),
    ]);
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
      daily: dailyCounts(mine, now),
    });
  }

  const byCard = new Map<string, typeof logs>();
  for (const l of logs) {
    const list = byCard.get(l.cardId) ?? [];
    list.push(l);
    byCard.set(l.cardId, list);
  }
  const cardRows = await db.card.findMany({
    where: { id: { in: [...byCard.keys()] } },
    select: { id: true, searchText: true, deck: { select: { slug: true } } },
  });
  const cards: CardRow[] = cardRows.map((c) => {
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
  cards.sort((a, b) => b.againRate - a.againRate || b.lapseRate - a.lapseRate || b.avgMs - a.avgMs);

  const activity: GroupDashboard["activity"] = [];
  for (let i = 29; i >= 0; i--) {
    const start = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - i * DAY,
    );
    const end = new Date(start.getTime() + DAY);
    const inDay = logs.filter((l) => l.reviewedAt >= start && l.reviewedAt < end);
    activity.push({
      day: start.toISOString().slice(0, 10),
      reviews: inDay.length,
      learners: new Set(inDay.map((l) => l.userId)).size,
    });
  }
  return { groupId, members, cards: cards.slice(0, 200), activity };
}

function csvCell(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : v === null || v === undefined ? "" : String(v);
  // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function membersCsv(d: GroupDashboard): string {
  return toCsv(
    [
      "name",
      "email",
      "role",
      "due_today",
      "overdue",
      "reviews_7d",
      "reviews_30d",
      "true_retention",
      "last_active",
    ],
    d.members.map((m) => [
      m.name,
      m.email,
      m.role,
      m.dueToday,
      m.overdue,
      m.reviews7,
      m.reviews30,
      m.trueRetention === null ? "" : m.trueRetention.toFixed(3),
      m.lastActive,
    ]),
  );
}

export function cardsCsv(d: GroupDashboard): string {
  return toCsv(
    ["card_id", "deck", "card", "reviews", "again_rate", "lapse_rate", "avg_seconds"],
    d.cards.map((c) => [
      c.cardId,
      c.deckSlug,
      c.text,
      c.reviews,
      c.againRate.toFixed(3),
      c.lapseRate.toFixed(3),
      (c.avgMs / 1000).toFixed(1),
    ]),
  );
}
