// The instructor's view of a group: per member (due, overdue, reviews, true retention, last active,
// reviews per day), per card (again rate, lapse rate, average time; hardest first, one page at a
// time) and reviews per day. Only staff of the group (and the admin) may read it; only the group's
// members and decks are counted. Aggregated by the database (dashboard-queries.ts): the work per
// request is bounded by members × days and by the number of cards, not by the number of reviews.
import type { Db } from "../client.ts";
import { readCountedPage } from "../paging.ts";
import { countMembersDue } from "./dashboard-due.ts";
import {
  type ActivityBucket,
  type CardAggregate,
  type DashboardWindow,
  queryCards,
  queryMemberBuckets,
  queryMembers,
} from "./dashboard-queries.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

const DAY = 86_400_000;
export const DASHBOARD_DAYS = 30;
export const DASHBOARD_CARD_PAGE_SIZE = 50;
/** Members shown per page of the dashboard's member table (its CSV has them all). */
export const DASHBOARD_MEMBER_PAGE_SIZE = 50;

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
  /** The first line of the card's text (its front), up to 140 characters. */
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
  /** One page of the card table, hardest first. */
  cards: CardRow[];
  /** Cards reviewed in the window (all pages). */
  cardTotal: number;
  /** The page shown (the requested one, or the last for a page past it), from 1. */
  cardPage: { page: number; pageSize: number; pages: number };
  /** Reviews per day (UTC dates), last 30 days, oldest first. */
  activity: { day: string; reviews: number; learners: number }[];
}

interface Options {
  db: Db;
  actor: Actor;
  groupId: string;
  now: Date;
}

function dashboardWindow(groupId: string, now: Date): DashboardWindow {
  return {
    groupId,
    since30: new Date(now.getTime() - DASHBOARD_DAYS * DAY),
    since7: new Date(now.getTime() - 7 * DAY),
  };
}

/** The window's UTC days, oldest first. */
function utcDays(now: Date): { key: string; start: Date; end: Date }[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: DASHBOARD_DAYS }, (_, i) => {
    const start = today - (DASHBOARD_DAYS - 1 - i) * DAY;
    return {
      key: new Date(start).toISOString().slice(0, 10),
      start: new Date(start),
      end: new Date(start + DAY),
    };
  });
}

/** After every log (the last bucket is open-ended, as the 30-day totals are). */
const END_OF_TIME = new Date(Date.UTC(9999, 11, 31));

/**
 * The member pass's buckets: the window [now − 30 days, ∞) cut at each UTC day's start, at
 * now − 7 days and at the end of today, so every bucket lies in one day (or before the first, or
 * after today) and on one side of the 7-day bound. `day` is the bucket's index in `days` (−1
 * outside them); `recent` says it counts in the last 7 days.
 */
function activityBuckets(
  w: DashboardWindow,
  days: { start: Date; end: Date }[],
): (ActivityBucket & { day: number; recent: boolean })[] {
  const last = days[days.length - 1];
  const cuts = [w.since30, w.since7, ...days.map((d) => d.start), ...(last ? [last.end] : [])]
    .map((d) => d.getTime())
    .filter((t) => t >= w.since30.getTime());
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  return sorted.map((t, i) => {
    const start = new Date(t);
    const day = days.findIndex((d) => d.start.getTime() <= t && t < d.end.getTime());
    return {
      start,
      end: new Date(sorted[i + 1] ?? END_OF_TIME.getTime()),
      day,
      recent: t >= w.since7.getTime(),
    };
  });
}

function cardRow(a: CardAggregate): CardRow {
  return {
    cardId: a.cardId,
    deckSlug: a.deckSlug,
    text: (a.searchText.split("\n")[0] ?? "").slice(0, 140),
    reviews: a.reviews,
    againRate: a.again / a.reviews,
    lapseRate: a.mature === 0 ? 0 : a.lapses / a.mature,
    avgMs: a.totalMs / a.reviews,
  };
}

async function loadMembers(o: Options) {
  const w = dashboardWindow(o.groupId, o.now);
  const days = utcDays(o.now);
  // Due and overdue are the learners' own "due today" (dashboard-due.ts), so the dashboard, its CSV
  // and each learner's home and review page agree.
  const buckets = activityBuckets(w, days);
  const [base, bucketRows, due] = await Promise.all([
    queryMembers(o.db, o.groupId),
    queryMemberBuckets(o.db, o.groupId, buckets),
    countMembersDue({ db: o.db, groupId: o.groupId, now: o.now }),
  ]);
  const totals = new Map<
    string,
    { reviews30: number; reviews7: number; mature: number; maturePassed: number }
  >();
  const daily = new Map<string, number[]>();
  const activity = days.map((d) => ({ day: d.key, reviews: 0, learners: 0 }));
  const learnersByDay = days.map(() => new Set<string>());
  for (const r of bucketRows) {
    const b = buckets[r.bucket];
    if (!b || r.reviews === 0) continue;
    const t = totals.get(r.userId) ?? { reviews30: 0, reviews7: 0, mature: 0, maturePassed: 0 };
    t.reviews30 += r.reviews;
    if (b.recent) t.reviews7 += r.reviews;
    t.mature += r.mature;
    t.maturePassed += r.maturePassed;
    totals.set(r.userId, t);
    const a = activity[b.day];
    if (!a) continue;
    const list = daily.get(r.userId) ?? new Array<number>(DASHBOARD_DAYS).fill(0);
    list[b.day] = (list[b.day] ?? 0) + r.reviews;
    daily.set(r.userId, list);
    a.reviews += r.reviews;
    learnersByDay[b.day]?.add(r.userId);
  }
  for (const [i, a] of activity.entries()) a.learners = learnersByDay[i]?.size ?? 0;
  const members: MemberRow[] = base.map((m) => {
    const t = totals.get(m.userId);
    const d = due.get(m.userId);
    return {
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      dueToday: d?.dueToday ?? 0,
      overdue: d?.overdue ?? 0,
      reviews7: t?.reviews7 ?? 0,
      reviews30: t?.reviews30 ?? 0,
      trueRetention: t && t.mature > 0 ? t.maturePassed / t.mature : null,
      lastActive: m.lastActive,
      daily: daily.get(m.userId) ?? new Array<number>(DASHBOARD_DAYS).fill(0),
    };
  });
  return { members, activity };
}

export async function getGroupDashboard(
  options: Options & { cardPage?: number; cardPageSize?: number },
): Promise<GroupDashboard> {
  const { db, actor, groupId, now } = options;
  await requireGroupPermission({ db, actor, groupId, action: "dashboard.view" });
  // The card table by the one paging rule: a page past the last shows the last.
  const [{ members, activity }, cards] = await Promise.all([
    loadMembers(options),
    readCountedPage(
      { page: options.cardPage, pageSize: options.cardPageSize ?? DASHBOARD_CARD_PAGE_SIZE },
      async (window) => {
        const read = await queryCards(db, dashboardWindow(groupId, now), {
          offset: window.skip,
          limit: window.take,
        });
        return { total: read.total, items: read.rows };
      },
    ),
  ]);
  return {
    groupId,
    members,
    cards: cards.items.map(cardRow),
    cardTotal: cards.total,
    cardPage: { page: cards.page, pageSize: cards.pageSize, pages: cards.pages },
    activity,
  };
}

/** The member table alone (its CSV). */
export async function getDashboardMembers(options: Options): Promise<MemberRow[]> {
  await requireGroupPermission({ ...options, action: "dashboard.view" });
  return (await loadMembers(options)).members;
}

/** Every card of the window, hardest first (its CSV): one aggregate, as many rows as cards. */
export async function getDashboardCards(options: Options): Promise<CardRow[]> {
  await requireGroupPermission({ ...options, action: "dashboard.view" });
  const cards = await queryCards(options.db, dashboardWindow(options.groupId, options.now), {
    offset: 0,
    limit: null,
  });
  return cards.rows.map(cardRow);
}
