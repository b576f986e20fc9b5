// Who may review a deck: a member of a group that subscribes to it (GroupDeck + Membership).
// The groups issue extends this (roles, archived groups); callers only see the boolean.
import type { Db, Prisma } from "../client.ts";

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
  const link = await db.groupDeck.findFirst({
    where: { deckId, group: { memberships: { some: { userId } } } },
    select: { groupId: true },
  });
  return link !== null;
}
