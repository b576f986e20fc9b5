import type { Db } from "../client.ts";
import type { Actor } from "./permissions.ts";

/** Decks the actor could add to a group: those of groups they teach (every deck for the admin). */
export async function listSubscribableDecks(options: {
  db: Db;
  actor: Actor;
  groupId: string;
}): Promise<{ id: string; name: string; slug: string }[]> {
  const { db, actor, groupId } = options;
  return db.deck.findMany({
    where: {
      groups: { none: { groupId } },
      ...(actor.instanceRole === "admin"
        ? {}
        : {
            groups: {
              none: { groupId },
              some: {
                group: {
                  memberships: {
                    some: { userId: actor.userId, role: { in: ["owner", "instructor"] } },
                  },
                },
              },
            },
          }),
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true },
  });
}
