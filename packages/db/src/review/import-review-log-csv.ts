// Imports review history from CSV (FSRS tools' format) into a learner's decks: rows are matched to
// cards by `card_key` ("deck-slug/card-key") or by card_id (the Strides id or its numeric export
// form), merged with the history already there (same card and time = same review), and each
// touched card is replayed through FSRS so its state and logs are exactly what live reviews give.
import type { Db } from "../client.ts";
import { type MemoryCard, scheduleReview } from "../scheduling/fsrs-adapter.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { numericCardId, parseReviewLogCsv } from "./review-log-csv.ts";
import { loadLearnerContext, schedulerSettings } from "./review-reads.ts";
import { advanceNewCursor, memoryData } from "./review-writes.ts";
import type { TStateSnapshot } from "./schema.ts";
import { cardHasSiblingsSql } from "./sibling-logs.ts";
import { sql } from "./sql-values.ts";

export interface ImportReviewLogCsvOptions {
  db: Db;
  userId: string;
  csv: string;
  /** Decks whose cards the rows may refer to (the learner must be able to review them). */
  deckIds: string[];
  now: Date;
  file?: string;
}

export interface ImportReviewLogCsvResult {
  ok: true;
  imported: number;
  duplicates: number;
  cards: number;
  skipped: { line: number; reason: string }[];
}

interface Rev {
  timeMs: number;
  rating: number;
  durationMs: number;
  requestId: string;
  answer: string | null;
  variantSeed: number | null;
  correct: boolean | null;
  proposedRating: number | null;
}

function snapshot(m: MemoryCard, at: Date): TStateSnapshot {
  return {
    state: m.state,
    due: m.due.toISOString(),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsedDays: m.elapsedDays,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    lastReview: m.lastReview ? m.lastReview.toISOString() : null,
    suspended: false,
    buriedUntil: null,
    leech: false,
    variantSeed: null,
    shownAt: null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

export async function importReviewLogCsv(
  o: ImportReviewLogCsvOptions,
): Promise<ImportReviewLogCsvResult> {
  const ctx = await loadLearnerContext(o.db, o.userId, o.deckIds);
  const rows = parseReviewLogCsv(o.csv, o.file);
  const cards = await o.db.card.findMany({
    where: { deckId: { in: o.deckIds } },
    select: { id: true, key: true, deckId: true, position: true, deck: { select: { slug: true } } },
  });
  // The decks' cards that have siblings: their logs carry hasSiblings.
  const shared = await sqlRunnerOf(o.db).query(sql`SELECT c.id FROM "Card" c
    WHERE c."deckId" IN (${sql.join(o.deckIds.length > 0 ? o.deckIds : [""])})
      AND ${sql.raw(cardHasSiblingsSql("c"))}`);
  const withSiblings = new Set(shared.map((r) => String(r.id)));
  const byKey = new Map<string, (typeof cards)[number]>();
  for (const c of cards) {
    byKey.set(`${c.deck.slug}/${c.key}`, c);
    byKey.set(`id:${c.id}`, c);
    byKey.set(`id:${numericCardId(c.id)}`, c);
  }
  const skipped: { line: number; reason: string }[] = [];
  const incoming = new Map<string, { card: (typeof cards)[number]; rows: typeof rows }>();
  for (const r of rows) {
    const card = (r.cardKey ? byKey.get(r.cardKey) : undefined) ?? byKey.get(`id:${r.cardId}`);
    if (!card) {
      skipped.push({ line: r.line, reason: `no card ${r.cardKey ?? r.cardId} in these decks` });
      continue;
    }
    if (r.rating === 0) {
      skipped.push({ line: r.line, reason: "manual entries (rating 0) are not imported" });
      continue;
    }
    const entry = incoming.get(card.id) ?? { card, rows: [] };
    entry.rows.push(r);
    incoming.set(card.id, entry);
  }
  let imported = 0;
  let duplicates = 0;
  for (const { card, rows: cardRows } of incoming.values()) {
    const settings = ctx.decks.get(card.deckId);
    if (!settings) continue;
    await o.db.$transaction(async (tx) => {
      const existing = await tx.reviewLog.findMany({
        where: { userId: o.userId, cardId: card.id },
        orderBy: { reviewedAt: "asc" },
      });
      const merged: Rev[] = existing.map((l) => ({
        timeMs: l.reviewedAt.getTime(),
        rating: l.rating,
        durationMs: l.durationMs,
        requestId: l.requestId,
        answer: l.answer,
        variantSeed: l.variantSeed,
        correct: l.correct,
        proposedRating: l.proposedRating,
      }));
      const times = new Set(merged.map((m) => m.timeMs));
      for (const r of cardRows) {
        if (times.has(r.timeMs)) {
          duplicates++;
          continue;
        }
        times.add(r.timeMs);
        imported++;
        merged.push({
          timeMs: r.timeMs,
          rating: r.rating,
          durationMs: r.durationMs,
          requestId: `import:${card.id}:${r.timeMs}`,
          answer: null,
          variantSeed: null,
          correct: null,
          proposedRating: null,
        });
      }
      merged.sort((a, b) => a.timeMs - b.timeMs);
      const sched = schedulerSettings(settings);
      let memory: MemoryCard | null = null;
      const logs = merged.map((m) => {
        const at = new Date(m.timeMs);
        const s = scheduleReview(memory, at, m.rating as 1 | 2 | 3 | 4, sched);
        const log = {
          userId: o.userId,
          cardId: card.id,
          deckId: card.deckId,
          requestId: m.requestId,
          rating: m.rating,
          reviewedAt: at,
          stateBefore: s.log.stateBefore,
          stateAfter: s.card.state,
          dueBefore: memory ? memory.due : null,
          dueAfter: s.card.due,
          stabilityBefore: memory?.stability ?? 0,
          stability: s.card.stability,
          difficultyBefore: memory?.difficulty ?? 0,
          difficulty: s.card.difficulty,
          elapsedDays: s.log.elapsedDays,
          lastElapsedDays: s.log.lastElapsedDays,
          scheduledDays: s.card.scheduledDays,
          learningSteps: s.card.learningSteps,
          durationMs: m.durationMs,
          answer: m.answer,
          variantSeed: m.variantSeed,
          correct: m.correct,
          proposedRating: m.proposedRating,
          previous: memory ? JSON.stringify(snapshot(memory, at)) : null,
          hasSiblings: withSiblings.has(card.id),
        };
        memory = s.card;
        return log;
      });
      // The card's state before its logs (whose triggers update the review aggregates): the order
      // a review takes, so the two never wait on each other.
      const final = memory as MemoryCard | null;
      if (final) {
        await tx.cardState.upsert({
          where: { userId_cardId: { userId: o.userId, cardId: card.id } },
          create: {
            userId: o.userId,
            cardId: card.id,
            deckId: card.deckId,
            ...memoryData(final),
            createdAt: o.now,
            updatedAt: o.now,
          },
          update: { ...memoryData(final), variantSeed: null, shownAt: null, updatedAt: o.now },
        });
        await advanceNewCursor(tx, o.userId, card.deckId, card.position);
      }
      await tx.reviewLog.deleteMany({ where: { userId: o.userId, cardId: card.id } });
      await tx.reviewLog.createMany({ data: logs });
    });
  }
  return { ok: true, imported, duplicates, cards: incoming.size, skipped };
}
