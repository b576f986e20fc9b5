// Distribution of FSRS stability and difficulty over the learner's studied cards.
import type { Db } from "../client.ts";
import {
  DIFFICULTY_EDGES,
  type HistogramBin,
  histogram,
  STABILITY_EDGES,
} from "./bucket-memory.ts";

export interface MemoryDistribution {
  cards: number;
  stability: HistogramBin[];
  difficulty: HistogramBin[];
}

export async function getMemoryDistribution(o: {
  db: Db;
  userId: string;
  deckIds?: string[];
}): Promise<MemoryDistribution> {
  const rows = await o.db.cardState.findMany({
    where: {
      userId: o.userId,
      state: { not: 0 },
      card: { retiredAt: null },
      ...(o.deckIds ? { deckId: { in: o.deckIds } } : {}),
    },
    select: { stability: true, difficulty: true },
  });
  return {
    cards: rows.length,
    stability: histogram(
      rows.map((r) => r.stability),
      STABILITY_EDGES,
    ),
    difficulty: histogram(
      rows.map((r) => r.difficulty),
      DIFFICULTY_EDGES,
    ),
  };
}
