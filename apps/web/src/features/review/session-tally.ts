// The end-of-session summary counts what the learner rated and did not take back: a rating undone
// leaves the tally, so "Recalled" and "Exercises" describe the reviews that stand.

export interface RatedEntry {
  cardId: string;
  rating: number;
  /** Exercises: whether the answer was right; null for other cards. */
  correct: boolean | null;
  durationMs: number;
}

export interface SessionSummary {
  reviews: number;
  passed: number;
  exercises: number;
  exercisesCorrect: number;
  timeMs: number;
}

/** Removes the latest rating of `cardId` (what undo took back); none when it was rated before. */
export function withoutUndone(list: RatedEntry[], cardId: string | null): RatedEntry[] {
  let i = -1;
  for (let j = list.length - 1; j >= 0; j--) {
    if (list[j]?.cardId === cardId) {
      i = j;
      break;
    }
  }
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}

export function summarize(list: RatedEntry[]): SessionSummary {
  return {
    reviews: list.length,
    passed: list.filter((e) => e.rating > 1).length,
    exercises: list.filter((e) => e.correct !== null).length,
    exercisesCorrect: list.filter((e) => e.correct === true).length,
    timeMs: list.reduce((n, e) => n + e.durationMs, 0),
  };
}
