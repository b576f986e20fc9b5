// Changes a preset's desired retention and reschedules every Review card it governs the same way
// FSRS would have scheduled it at its last review: due = last review + interval(stability, new
// retention), without fuzz. Learning cards keep their minute-level due; learners who override the
// retention keep theirs.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { rescheduleDue } from "../scheduling/fsrs-adapter.ts";
import { loadLearnerContext, memoryOf, schedulerSettings } from "./review-reads.ts";
import type { TReviewSettings } from "./schema.ts";

export interface SetDesiredRetentionOptions {
  db: Db;
  presetId: string;
  desiredRetention: number;
  now: Date;
}

export interface SetDesiredRetentionResult {
  ok: true;
  rescheduled: number;
}

const BATCH = 500;

export async function setDesiredRetention(
  o: SetDesiredRetentionOptions,
): Promise<SetDesiredRetentionResult> {
  if (!(o.desiredRetention >= 0.7 && o.desiredRetention <= 0.99)) {
    throw new AppError("BAD_INPUT", "desired retention must be between 0.70 and 0.99", {
      field: "desiredRetention",
    });
  }
  const preset = await o.db.deckPreset.findUnique({
    where: { id: o.presetId },
    include: { decks: { select: { id: true } }, groupDecks: { select: { deckId: true } } },
  });
  if (!preset) throw new AppError("NOT_FOUND", `preset ${o.presetId} does not exist`);
  await o.db.deckPreset.update({
    where: { id: o.presetId },
    data: { desiredRetention: o.desiredRetention },
  });
  const deckIds = [
    ...new Set([...preset.decks.map((d) => d.id), ...preset.groupDecks.map((g) => g.deckId)]),
  ];
  const settingsCache = new Map<string, TReviewSettings | null>();
  const settingsFor = async (userId: string, deckId: string) => {
    const key = `${userId}\u0000${deckId}`;
    if (!settingsCache.has(key)) {
      try {
        const ctx = await loadLearnerContext(o.db, userId, [deckId]);
        settingsCache.set(key, ctx.decks.get(deckId) ?? null);
      } catch {
        settingsCache.set(key, null); // no longer a member: nothing to reschedule
      }
    }
    return settingsCache.get(key) ?? null;
  };
  let rescheduled = 0;
  for (const deckId of deckIds) {
    let cursor: { userId: string; cardId: string } | undefined;
    for (;;) {
      const rows = await o.db.cardState.findMany({
        where: { deckId, state: 2 },
        orderBy: [{ userId: "asc" }, { cardId: "asc" }],
        take: BATCH,
        ...(cursor ? { cursor: { userId_cardId: cursor }, skip: 1 } : {}),
      });
      if (rows.length === 0) break;
      for (const row of rows) {
        const s = await settingsFor(row.userId, deckId);
        if (!s || s.presetId !== o.presetId || s.desiredRetention !== o.desiredRetention) continue;
        const next = rescheduleDue(memoryOf(row), schedulerSettings(s));
        if (next.due.getTime() === row.due.getTime()) continue;
        const { count } = await o.db.cardState.updateMany({
          where: { userId: row.userId, cardId: row.cardId, reps: row.reps },
          data: { due: next.due, scheduledDays: next.scheduledDays, updatedAt: o.now },
        });
        rescheduled += count;
      }
      const last = rows[rows.length - 1];
      cursor = last ? { userId: last.userId, cardId: last.cardId } : undefined;
      if (rows.length < BATCH) break;
    }
  }
  return { ok: true, rescheduled };
}
