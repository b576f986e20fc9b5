// "Due today" and "overdue" for every member of a group, in the group's decks: the learner's own
// rule (the review queue's count, countDueToday: learning cards due by now and review cards due
// before the learner's day ends, within the deck's daily review limit, leaving out suspended,
// buried, retired and buried-sibling cards), computed for all members at once:
// - one statement reads each member's settings for each deck (time zone, day start, the preset of
//   the first group that links the deck, overrides), resolved as the learner's own context is
//   (contextFromRows);
// - one grouped statement counts, per member and deck, the learning and review cards due today and
//   those among them due before the learner's day began, minus the retired and buried-sibling ones
//   (counted apart: CardState's index has no card id), and today's reviews of review cards (what
//   the daily limit has left);
// - the limit is applied per deck here, as the queue applies it.
// Overdue is the part of "due today" that was due before the learner's day began: learning cards,
// and the queue's reviews (the most overdue first), so overdue ≤ due today.

import { memberMaySql } from "../access/deck-access.ts";
import type { Db } from "../client.ts";
import { LEARNING_CAP } from "../review/build-review-queue.ts";
import { contextFromRows, presetColumns } from "../review/learner-context.ts";
import { num, sql } from "../review/sql-values.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { timestampParam } from "../sql-dialect.ts";
import { readRunnerOf, type SqlReadRunner } from "../sql-runner.ts";

export interface DueCount {
  dueToday: number;
  overdue: number;
}

/** Members per counting statement: 3 bound values each, well inside both databases' limits. */
const CHUNK = 2000;

interface MemberDecks {
  userId: string;
  dayStart: Date;
  dayEnd: Date;
  /** reviewsPerDay per deck, as the learner's context resolves it. */
  reviewsPerDay: Map<string, number>;
}

/** Each member's learner day and daily review limit per group deck (decks they may review). */
async function loadMemberDecks(
  reader: SqlReadRunner,
  groupId: string,
  now: Date,
): Promise<MemberDecks[]> {
  // The columns contextFromRows reads, for every member × group deck × link through which the
  // member may review it, ordered as loadLearnerContext orders them (the first link wins).
  const rows = await reader.query(sql`SELECT m."userId" AS "memberId", d.id AS "deckId",
      d.slug AS "deckSlug", x."groupId" AS "groupId", 0 AS "canAuthor",
      ${presetColumns("gp")}, ${presetColumns("dp")},
      ls."timeZone", ls."dayStartHour", ls.locale, ls.overrides
    FROM "Membership" m
    JOIN "GroupDeck" gd ON gd."groupId" = ${groupId}
    JOIN "Deck" d ON d.id = gd."deckId"
    JOIN "GroupDeck" x ON x."deckId" = d.id
      AND ${memberMaySql("deck.review", sql.raw('m."userId"'), sql.raw('x."groupId"'))}
    LEFT JOIN "DeckPreset" gp ON gp.id = x."presetId"
    LEFT JOIN "DeckPreset" dp ON dp.id = d."presetId"
    LEFT JOIN "LearnerSettings" ls ON ls."userId" = m."userId"
    WHERE m."groupId" = ${groupId}
    ORDER BY m."userId", d.id, x."groupId"`);
  const byMember = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) {
    const id = String(r.memberId);
    const list = byMember.get(id);
    if (list) list.push(r);
    else byMember.set(id, [r]);
  }
  return [...byMember].map(([userId, list]) => {
    const deckIds = [...new Set(list.map((r) => String(r.deckId)))];
    const ctx = contextFromRows(deckIds, list);
    const day = learnerDay(now, ctx.day);
    return {
      userId,
      dayStart: day.start,
      dayEnd: day.end,
      reviewsPerDay: new Map([...ctx.decks].map(([deckId, s]) => [deckId, s.reviewsPerDay])),
    };
  });
}

interface DeckCounts {
  learning: number;
  learningOverdue: number;
  reviews: number;
  reviewsOverdue: number;
  reviewedToday: number;
}

/**
 * Per member and deck, in one statement: cards due today by kind ("due"), the retired ones among
 * them ("retired") and the review cards buried as siblings of today's reviews ("sibling"), to
 * subtract, and today's reviews of review-state cards ("log").
 */
async function queryDeckCounts(
  reader: SqlReadRunner,
  members: MemberDecks[],
  deckIds: string[],
  now: Date,
): Promise<Map<string, DeckCounts>> {
  const out = new Map<string, DeckCounts>();
  const ts = (d: Date) => timestampParam(reader.provider, d);
  const decks = sql.join(deckIds);
  // A state that counts today: studied, not suspended, not buried, due before the day ends.
  const dueState = sql`s."userId" = t."userId" AND s."deckId" IN (${decks})
    AND s."suspended" = false AND s."state" IN (1, 2, 3) AND s."due" < t."dayEnd"
    AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now})`;
  const sums = sql`SUM(CASE WHEN s."state" <> 2 AND s."due" <= ${now} THEN 1 ELSE 0 END)
      AS "learning",
    SUM(CASE WHEN s."state" <> 2 AND s."due" < t."dayStart" THEN 1 ELSE 0 END)
      AS "learningOverdue",
    SUM(CASE WHEN s."state" = 2 THEN 1 ELSE 0 END) AS "reviews",
    SUM(CASE WHEN s."state" = 2 AND s."due" < t."dayStart" THEN 1 ELSE 0 END)
      AS "reviewsOverdue"`;
  for (let i = 0; i < members.length; i += CHUNK) {
    const chunk = members.slice(i, i + CHUNK);
    const days = sql.join(
      chunk.map((m) => sql`(CAST(${m.userId} AS TEXT), ${ts(m.dayStart)}, ${ts(m.dayEnd)})`),
    );
    // CROSS JOIN fixes SQLite's join order: each member's day drives seeks into the indexes
    // (CardState(userId, deckId, suspended, state, due, buriedUntil), ReviewLog(userId, reviewedAt,
    // deckId, stateBefore, …), ReviewLog(userId, hasSiblings, reviewedAt), Card(siblingKey)), so no
    // branch scans a table or another member's rows; Postgres plans the same conditions freely.
    const rows = await reader.query(sql`WITH today ("userId", "dayStart", "dayEnd") AS (
        VALUES ${days})
      SELECT 'due' AS "q", t."userId" AS "userId", s."deckId" AS "deckId", ${sums},
          0 AS "reviewedToday"
        FROM today t CROSS JOIN "CardState" s WHERE ${dueState}
        GROUP BY t."userId", s."deckId"
      UNION ALL
      SELECT 'retired', t."userId", s."deckId", ${sums}, 0
        FROM "Card" r CROSS JOIN today t CROSS JOIN "CardState" s
        WHERE r."deckId" IN (${decks}) AND r."retiredAt" IS NOT NULL
          AND s."cardId" = r.id AND ${dueState}
        GROUP BY t."userId", s."deckId"
      UNION ALL
      SELECT 'sibling', b."userId", b."deckId", 0, 0, COUNT(*),
          SUM(CASE WHEN b."due" < b."dayStart" THEN 1 ELSE 0 END), 0
        FROM (SELECT DISTINCT t."userId", t."dayStart", s."deckId", s."cardId", s."due"
          FROM today t CROSS JOIN "ReviewLog" l CROSS JOIN "Card" k CROSS JOIN "Card" c2
            CROSS JOIN "CardState" s
          WHERE l."userId" = t."userId" AND l."hasSiblings" = ${true}
            AND l."reviewedAt" >= t."dayStart"
            AND k.id = l."cardId"
            AND c2."siblingKey" = k."siblingKey" AND c2.id <> k.id AND c2."retiredAt" IS NULL
            AND s."userId" = t."userId" AND s."cardId" = c2.id AND ${dueState} AND s."state" = 2
            AND NOT EXISTS (SELECT 1 FROM "ReviewLog" o WHERE o."cardId" = c2.id
              AND o."userId" = t."userId" AND o."reviewedAt" >= t."dayStart")) b
        GROUP BY b."userId", b."deckId"
      UNION ALL
      SELECT 'log', t."userId", l."deckId", 0, 0, 0, 0, COUNT(*)
        FROM today t CROSS JOIN "ReviewLog" l
        WHERE l."userId" = t."userId" AND l."reviewedAt" >= t."dayStart"
          AND l."deckId" IN (${decks}) AND l."stateBefore" = 2
        GROUP BY t."userId", l."deckId"`);
    for (const r of rows) {
      const key = `${String(r.userId)}\n${String(r.deckId)}`;
      const c = out.get(key) ?? {
        learning: 0,
        learningOverdue: 0,
        reviews: 0,
        reviewsOverdue: 0,
        reviewedToday: 0,
      };
      // Retired and buried-sibling cards are subtracted from the cards due.
      const sign = r.q === "due" || r.q === "log" ? 1 : -1;
      c.learning += sign * num(r.learning);
      c.learningOverdue += sign * num(r.learningOverdue);
      c.reviews += sign * num(r.reviews);
      c.reviewsOverdue += sign * num(r.reviewsOverdue);
      c.reviewedToday += num(r.reviewedToday);
      out.set(key, c);
    }
  }
  return out;
}

/** Due today and overdue per member of the group (every member is in the map, 0 when none). */
export async function countMembersDue(o: {
  db: Db;
  groupId: string;
  now: Date;
}): Promise<Map<string, DueCount>> {
  const reader = readRunnerOf(o.db);
  const members = await loadMemberDecks(reader, o.groupId, o.now);
  const out = new Map<string, DueCount>();
  const deckIds = [...new Set(members.flatMap((m) => [...m.reviewsPerDay.keys()]))];
  if (members.length === 0 || deckIds.length === 0) return out;
  const counts = await queryDeckCounts(reader, members, deckIds, o.now);
  for (const m of members) {
    let dueToday = 0;
    let overdue = 0;
    for (const [deckId, reviewsPerDay] of m.reviewsPerDay) {
      const c = counts.get(`${m.userId}\n${deckId}`);
      if (!c) continue;
      const left = Math.max(0, reviewsPerDay - c.reviewedToday);
      dueToday += Math.min(c.learning, LEARNING_CAP) + Math.min(left, c.reviews);
      overdue += Math.min(c.learningOverdue, LEARNING_CAP) + Math.min(left, c.reviewsOverdue);
    }
    out.set(m.userId, { dueToday, overdue });
  }
  return out;
}
