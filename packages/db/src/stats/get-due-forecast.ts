// How many cards fall due on each of the learner's next days (overdue cards count today).
import type { Db } from "../client.ts";
import { learnerDay } from "../scheduling/learner-day.ts";
import { addDays, dayKeyOf, daysBetweenKeys } from "./day-keys.ts";
import { loadLearnerDay } from "./load-learner-day.ts";

export interface ForecastDay {
  key: string;
  due: number;
}

export interface GetDueForecastOptions {
  db: Db;
  userId: string;
  deckIds?: string[];
  now: Date;
  /** Days including today (default 30). */
  days?: number;
}

export async function getDueForecast(o: GetDueForecastOptions): Promise<ForecastDay[]> {
  const day = await loadLearnerDay(o.db, o.userId);
  const days = o.days ?? 30;
  const today = learnerDay(o.now, day);
  const horizon = new Date(today.end.getTime() + (days - 1) * 86_400_000 + 3 * 3_600_000);
  const rows = await o.db.cardState.findMany({
    where: {
      userId: o.userId,
      suspended: false,
      state: { not: 0 },
      due: { lt: horizon },
      card: { retiredAt: null },
      ...(o.deckIds ? { deckId: { in: o.deckIds } } : {}),
    },
    select: { due: true },
  });
  const out: ForecastDay[] = Array.from({ length: days }, (_, i) => ({
    key: addDays(today.key, i),
    due: 0,
  }));
  for (const r of rows) {
    const i = Math.max(0, daysBetweenKeys(today.key, dayKeyOf(r.due, day)));
    const slot = out[i];
    if (slot) slot.due += 1;
  }
  return out;
}
