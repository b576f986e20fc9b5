// How many cards fall due on each of the learner's next days. Today is countDueToday's figure (the
// one "due today"); due cards the queue leaves out today (daily limit, buried) count tomorrow.
import type { Db } from "../client.ts";
import { listDeckIdsForUser } from "../decks/list-decks-for-user.ts";
import { dayNumberIn, learnerDay, learnerDaySegments } from "../scheduling/learner-day.ts";
import { countDueToday } from "./count-due-today.ts";
import { addDays } from "./day-keys.ts";
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
  const mine = await listDeckIdsForUser({ db: o.db, userId: o.userId });
  const deckIds = o.deckIds ? mine.filter((id) => o.deckIds?.includes(id)) : mine;
  const rows = await o.db.cardState.findMany({
    where: {
      userId: o.userId,
      suspended: false,
      state: { not: 0 },
      due: { lt: horizon },
      card: { retiredAt: null },
      deckId: { in: deckIds },
    },
    select: { due: true },
  });
  const out: ForecastDay[] = Array.from({ length: days }, (_, i) => ({
    key: addDays(today.key, i),
    due: 0,
  }));
  // Each card's day by arithmetic over the horizon's spans of constant offset (a learner may have
  // tens of thousands of cards due in the next month).
  const segments = learnerDaySegments(today.start.getTime(), horizon.getTime(), day);
  for (const r of rows) {
    const i = Math.max(0, dayNumberIn(segments, r.due.getTime()) - today.dayNumber);
    const slot = out[i];
    if (slot) slot.due += 1;
  }
  const first = out[0];
  if (first) {
    const today = await countDueToday({ db: o.db, userId: o.userId, deckIds, now: o.now });
    const left = Math.max(0, first.due - today.due);
    first.due = today.due;
    const second = out[1];
    if (second) second.due += left;
  }
  return out;
}
