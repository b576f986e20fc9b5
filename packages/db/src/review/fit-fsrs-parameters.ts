// The optimiser: fits FSRS parameters to a learner's own reviews (or, as a prior for learners with
// little history, to a group's pooled reviews) with fsrs-rs. Below FSRS's own data threshold
// fsrs-rs returns its defaults; then nothing is stored and the learner keeps the group prior or
// the defaults.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { type FitResult, fitFsrs, type OptimizerReview } from "../scheduling/fsrs-optimizer.ts";
import { type LearnerDayOptions, learnerDay, learnerDayOf } from "../scheduling/learner-day.ts";

export interface FitFsrsParametersOptions {
  db: Db;
  /** Fit one learner's parameters… */
  userId?: string;
  /** …or a group's prior from its members' reviews of the group's decks. */
  groupId?: string;
  now: Date;
}

export type FitFsrsParametersResult =
  | ({ ok: true; stored: true } & FitResult)
  | ({ ok: false; reason: "not_enough_reviews" } & FitResult);

/** Reviews as the optimiser needs them, with elapsed days counted in each learner's own day. */
export function toOptimizerReviews(
  logs: { cardId: string; userId: string; reviewedAt: Date; rating: number; stateBefore: number }[],
  dayOf: (userId: string) => LearnerDayOptions,
): OptimizerReview[] {
  return logs.map((l) => ({
    cardId: `${l.userId}:${l.cardId}`,
    dayNumber: learnerDay(l.reviewedAt, dayOf(l.userId)).dayNumber,
    time: l.reviewedAt.getTime(),
    rating: l.rating,
    reset: l.stateBefore === 0,
  }));
}

export async function fitFsrsParameters(
  o: FitFsrsParametersOptions,
): Promise<FitFsrsParametersResult> {
  if (!o.userId === !o.groupId) {
    throw new AppError("BAD_INPUT", "give either userId or groupId", { field: "userId" });
  }
  const select = {
    cardId: true,
    userId: true,
    reviewedAt: true,
    rating: true,
    stateBefore: true,
  } as const;
  let logs: {
    cardId: string;
    userId: string;
    reviewedAt: Date;
    rating: number;
    stateBefore: number;
  }[];
  if (o.userId) {
    logs = await o.db.reviewLog.findMany({ where: { userId: o.userId }, select });
  } else {
    const group = await o.db.group.findUnique({
      where: { id: o.groupId },
      include: { memberships: { select: { userId: true } }, decks: { select: { deckId: true } } },
    });
    if (!group) throw new AppError("NOT_FOUND", `group ${o.groupId} does not exist`);
    logs = await o.db.reviewLog.findMany({
      where: {
        userId: { in: group.memberships.map((m) => m.userId) },
        deckId: { in: group.decks.map((d) => d.deckId) },
      },
      select,
    });
  }
  const userIds = [...new Set(logs.map((l) => l.userId))];
  const settings = await o.db.learnerSettings.findMany({ where: { userId: { in: userIds } } });
  const dayOf = (userId: string): LearnerDayOptions => {
    return learnerDayOf(settings.find((x) => x.userId === userId));
  };
  const result = await fitFsrs(toOptimizerReviews(logs, dayOf));
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
