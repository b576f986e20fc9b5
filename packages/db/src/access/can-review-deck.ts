// Who may review a deck: the deck rule's `deck.review` (groups/permissions.ts), asked through can().
import type { Db, Prisma } from "../client.ts";
import { canOnDeck } from "./deck-access.ts";

type Reader = Db | Prisma.TransactionClient;

export interface CanReviewDeckOptions {
  db: Reader;
  userId: string;
  deckId: string;
}

export async function canReviewDeck({
  db,
  userId,
  deckId,
}: CanReviewDeckOptions): Promise<boolean> {
  // deck.review gives the admin nothing of its own, so the instance role does not matter here.
  return canOnDeck({ db, actor: { userId, instanceRole: "user" }, action: "deck.review", deckId });
}
