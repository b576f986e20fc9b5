/** A compact view of a card for golden tests and reviews: kind, context, front and answer. */
import type { TCard } from "./schema.ts";

export interface GoldenCard {
  kind: TCard["kind"];
  context: string;
  front: string;
  back: string;
}

export function toGoldenCard(card: TCard): GoldenCard {
  const context = card.context.join(" › ");
  switch (card.kind) {
    case "basic":
    case "cloze":
      return { kind: card.kind, context, front: card.front, back: card.back };
    case "listRecall":
      return {
        kind: card.kind,
        context,
        front: card.front,
        back: card.items.map((i) => i.text).join(" | "),
      };
    case "exercise":
      return {
        kind: card.kind,
        context,
        front: card.prompt ?? card.generator,
        back: `${card.generator} ${JSON.stringify(card.params)}`,
      };
  }
}
