import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/**
 * Subscribes a group to a deck. The deck must be one the actor can already see through another of
 * their groups (or the actor is the admin), so a deck never leaks into a group by its id alone.
 */
export async function subscribeDeck(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  deckId: string;
  now: Date;
}): Promise<void> {
  const { db, actor, groupId, deckId, now } = options;
  await requireGroupPermission({ db, actor, groupId, action: "decks.subscribe" });
  const visible = await db.deck.findFirst({
    where:
      actor.instanceRole === "admin"
        ? { id: deckId }
        : {
            id: deckId,
            groups: {
              some: {
                group: {
                  memberships: {
                    some: { userId: actor.userId, role: { in: ["owner", "instructor"] } },
                  },
                },
              },
            },
          },
    select: { id: true },
  });
  if (!visible) throw new AppError("NOT_FOUND", "deck not found", { key: "deckNotFound" });
  await db.groupDeck.upsert({
    where: { groupId_deckId: { groupId, deckId } },
    create: { groupId, deckId, createdAt: now },
    update: {},
  });
}

export async function unsubscribeDeck(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  deckId: string;
}): Promise<void> {
  const { db, actor, groupId, deckId } = options;
  await requireGroupPermission({ db, actor, groupId, action: "decks.subscribe" });
  await db.groupDeck.deleteMany({ where: { groupId, deckId } });
}
