// The stored content of a few cards by id, for lists that show each card rendered (the card
// browser, the deck page, the dashboard's hardest cards). The caller has already decided which
// cards the viewer may see; this reads nothing else.
import type { Db } from "../client.ts";

export interface CardFace {
  id: string;
  kind: string;
  /** Card.content parsed (the content package's card). */
  content: unknown;
}

export async function getCardFaces(o: {
  db: Db;
  cardIds: string[];
}): Promise<Map<string, CardFace>> {
  if (o.cardIds.length === 0) return new Map();
  const rows = await o.db.card.findMany({
    where: { id: { in: [...new Set(o.cardIds)] } },
    select: { id: true, kind: true, content: true },
  });
  return new Map(
    rows.map((r) => {
      let content: unknown = null;
      try {
        content = JSON.parse(r.content) as unknown;
      } catch {
        content = null;
      }
      return [r.id, { id: r.id, kind: r.kind, content }];
    }),
  );
}
