// The optimiser: fits FSRS parameters to a learner's own reviews (or, as a prior for learners with
// little history, to a group's pooled reviews) with fsrs-rs. Below FSRS's own data threshold
// fsrs-rs returns its defaults; then nothing is stored and the learner keeps the group prior or
// the defaults.
import { AppError } from "@strides/content";
import type { Db, Prisma } from "../client.ts";
import { type FitResult, fitFsrs, OptimizerColumns } from "../scheduling/fsrs-optimizer.ts";
import { type LearnerDayOptions, learnerDay, learnerDayOf } from "../scheduling/learner-day.ts";
import { readRunnerOf } from "../sql-runner.ts";
import { date, epochMs, num, sql } from "./sql-values.ts";

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

const PAGE = 5000;

/**
 * The logs in `scope` as the optimiser's columns, in pages by keyset (reviewedAt, id) through the
 * heavy-read runner (the server's SQLite read worker): a school's pooled reviews are never read in
 * one statement on the event loop, and each page is written into the columns before the next is
 * read (no object per log is kept). Elapsed days count in each learner's own day: the learner's
 * current day is kept per learner, so logs in time order compute one day per learner and day, not
 * one time-zone conversion per log (100,000 of those held the event loop 0.2 s).
 */
async function readReviews(
  db: Db,
  scope: Prisma.Sql,
  dayOf: (userId: string) => LearnerDayOptions,
  pageSize = PAGE,
): Promise<OptimizerColumns> {
  const reader = readRunnerOf(db);
  const columns = new OptimizerColumns();
  const current = new Map<string, { start: number; end: number; dayNumber: number }>();
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
      const userId = String(r.userId);
      const t = epochMs(r.reviewedAt);
      let day = current.get(userId);
      if (!day || t < day.start || t >= day.end) {
        const d = learnerDay(new Date(t), dayOf(userId));
        day = { start: d.start.getTime(), end: d.end.getTime(), dayNumber: d.dayNumber };
        current.set(userId, day);
      }
      columns.push(`${userId}:${String(r.cardId)}`, {
        dayNumber: day.dayNumber,
        time: t,
        rating: num(r.rating),
        reset: num(r.stateBefore) === 0,
      });
    }
    const lastRow = rows[rows.length - 1];
    if (rows.length < pageSize || !lastRow) return columns;
    last = { at: date(lastRow.reviewedAt), id: String(lastRow.id) };
  }
}

async function memberIds(db: Db, groupId: string): Promise<string[]> {
  const members = await db.membership.findMany({ where: { groupId }, select: { userId: true } });
  return members.map((m) => m.userId);
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
  const settings = await o.db.learnerSettings.findMany({
    where: o.userId
      ? { userId: o.userId }
      : { userId: { in: await memberIds(o.db, o.groupId as string) } },
    select: { userId: true, timeZone: true, dayStartHour: true },
  });
  const byUser = new Map(settings.map((x) => [x.userId, x]));
  const dayOf = (userId: string): LearnerDayOptions => learnerDayOf(byUser.get(userId));
  const reviews = await readReviews(o.db, scope, dayOf, o.pageSize);
  const result = await fitFsrs(reviews);
  if (!result.fitted) return { ok: false, reason: "not_enough_reviews", ...result };
  const owner = o.userId ? { userId: o.userId } : { groupId: o.groupId as string };
  await o.db.$transaction(async (tx) => {
    await tx.fsrsParameters.deleteMany({ where: owner });
    await tx.fsrsParameters.create({
      data: {
        ...owner,
        parameters: JSON.stringify(result.parameters),
        reviewCount: reviews.length,
        logLoss: result.fittedMetrics?.logLoss ?? null,
        rmseBins: result.fittedMetrics?.rmseBins ?? null,
        fittedAt: o.now,
      },
    });
  });
  return { ok: true, stored: true, ...result };
}
