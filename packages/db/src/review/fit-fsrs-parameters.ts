// The optimiser: fits FSRS parameters to a learner's own reviews (or, as a prior for learners with
// little history, to a group's pooled reviews) with fsrs-rs. Below FSRS's own data threshold
// fsrs-rs returns its defaults; then nothing is stored and the learner keeps the group prior or
// the defaults.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import { type FitResult, fitFsrs, type OptimizerReview } from "../scheduling/fsrs-optimizer.ts";
import { type LearnerDayOptions, learnerDay, learnerDayOf } from "../scheduling/learner-day.ts";
import { readRunnerOf } from "../sql-runner.ts";
import { date, num, sql } from "./sql-values.ts";

export interface FitFsrsParametersOptions {
  db: Db;
  /** Fit one learner's parameters… */
  userId?: string;
  /** …or a group's prior from its members' reviews of the group's decks. */
  groupId?: string;
  now: Date;
  /** Logs read per statement (default 5,000). */
  pageSize?: number;
}

export type FitFsrsParametersResult =
  | ({ ok: true; stored: true } & FitResult)
  | ({ ok: false; reason: "not_enough_reviews" } & FitResult);

/**
 * Reviews as the optimiser needs them, with elapsed days counted in each learner's own day. The
 * learner's current day is kept per learner, so logs in time order compute one day per learner and
 * day (not one time-zone conversion per log: 100,000 of those held the event loop 0.2 s), and the
 * event loop gets a turn every few milliseconds (a group's pooled logs span thousands of learner
 * days).
 */
export async function toOptimizerReviews(
  logs: { cardId: string; userId: string; reviewedAt: Date; rating: number; stateBefore: number }[],
  dayOf: (userId: string) => LearnerDayOptions,
): Promise<OptimizerReview[]> {
  const current = new Map<string, { start: number; end: number; dayNumber: number }>();
  const out: OptimizerReview[] = [];
  let slice = performance.now();
  for (const l of logs) {
    if (performance.now() - slice > 10) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    const t = l.reviewedAt.getTime();
    let day = current.get(l.userId);
    if (!day || t < day.start || t >= day.end) {
      const d = learnerDay(l.reviewedAt, dayOf(l.userId));
      day = { start: d.start.getTime(), end: d.end.getTime(), dayNumber: d.dayNumber };
      current.set(l.userId, day);
    }
    out.push({
      cardId: `${l.userId}:${l.cardId}`,
      dayNumber: day.dayNumber,
      time: t,
      rating: l.rating,
      reset: l.stateBefore === 0,
    });
  }
  return out;
}

type FitLog = {
  cardId: string;
  userId: string;
  reviewedAt: Date;
  rating: number;
  stateBefore: number;
};

const PAGE = 5000;

/**
 * The logs in `scope`, in pages by keyset (reviewedAt, id) through the heavy-read runner (the
 * server's SQLite read worker): a school's pooled reviews are never read in one statement on the
 * event loop.
 */
async function readLogs(db: Db, scope: Prisma.Sql, pageSize = PAGE): Promise<FitLog[]> {
  const reader = readRunnerOf(db);
  const out: FitLog[] = [];
  let last: { at: Date; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = last
      ? sql`AND (l."reviewedAt" > ${last.at} OR (l."reviewedAt" = ${last.at} AND l.id > ${last.id}))`
      : sql``;
    const rows = await reader.query(sql`SELECT l.id AS "id", l."cardId" AS "cardId",
        l."userId" AS "userId", l."reviewedAt" AS "reviewedAt", l.rating AS "rating",
        l."stateBefore" AS "stateBefore"
      FROM "ReviewLog" l WHERE ${scope} ${after}
      ORDER BY l."reviewedAt", l.id LIMIT ${pageSize}`);
    for (const r of rows) {
      out.push({
        cardId: String(r.cardId),
        userId: String(r.userId),
        reviewedAt: date(r.reviewedAt),
        rating: num(r.rating),
        stateBefore: num(r.stateBefore),
      });
    }
    const end = out[out.length - 1];
    const lastRow = rows[rows.length - 1];
    if (rows.length < pageSize || !end || !lastRow) return out;
    last = { at: end.reviewedAt, id: String(lastRow.id) };
  }
}

export async function fitFsrsParameters(
  o: FitFsrsParametersOptions,
): Promise<FitFsrsParametersResult> {
  if (!o.userId === !o.groupId) {
    throw new AppError("BAD_INPUT", "give either userId or groupId", { field: "userId" });
  }
  let scope: Prisma.Sql;
  if (o.userId) {
    scope = sql`l."userId" = ${o.userId}`;
  } else {
    const group = await o.db.group.findUnique({ where: { id: o.groupId }, select: { id: true } });
    if (!group) throw new AppError("NOT_FOUND", `group ${o.groupId} does not exist`);
    scope = sql`l."userId" IN (SELECT m."userId" FROM "Membership" m WHERE m."groupId" = ${group.id})
      AND l."deckId" IN (SELECT gd."deckId" FROM "GroupDeck" gd WHERE gd."groupId" = ${group.id})`;
  }
  const logs = await readLogs(o.db, scope, o.pageSize);
  const userIds = [...new Set(logs.map((l) => l.userId))];
  const settings = await o.db.learnerSettings.findMany({ where: { userId: { in: userIds } } });
  const byUser = new Map(settings.map((x) => [x.userId, x]));
  const dayOf = (userId: string): LearnerDayOptions => learnerDayOf(byUser.get(userId));
  const result = await fitFsrs(await toOptimizerReviews(logs, dayOf));
  if (!result.fitted) return { ok: false, reason: "not_enough_reviews", ...result };
  const owner = o.userId ? { userId: o.userId } : { groupId: o.groupId as string };
  await o.db.$transaction(async (tx) => {
    await tx.fsrsParameters.deleteMany({ where: owner });
    await tx.fsrsParameters.create({
      data: {
        ...owner,
        parameters: JSON.stringify(result.parameters),
        reviewCount: logs.length,
        logLoss: result.fittedMetrics?.logLoss ?? null,
        rmseBins: result.fittedMetrics?.rmseBins ?? null,
        fittedAt: o.now,
      },
    });
  });
  return { ok: true, stored: true, ...result };
}
