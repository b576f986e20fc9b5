import { zVisibleName } from "@strides/content";
import { z } from "zod";
import type { Db } from "../client.ts";
import type { Actor } from "../groups/permissions.ts";
import { requireGroupPermission } from "../groups/require-group-permission.ts";
import { parseInput } from "../groups/schema.ts";

export const ZCreateDeck = z.object({
  name: zVisibleName(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => /^[a-z0-9][a-z0-9-]{1,59}$/.test(s), {
      message: "2–60 letters, digits or dashes",
      params: { key: "slugFormat", min: 2, max: 60 },
    }),
  description: z.string().trim().max(2000).default(""),
});

/** Creates a deck for a group the actor teaches; the group is subscribed to it. */
export async function createDeck(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  input: unknown;
  now: Date;
}): Promise<{ ok: true; deckId: string; slug: string } | { ok: false; reason: "slug_taken" }> {
  const { db, actor, groupId, now } = options;
  await requireGroupPermission({ db, actor, groupId, action: "decks.author" });
  const input = parseInput(ZCreateDeck, options.input);
  if (await db.deck.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    return { ok: false, reason: "slug_taken" };
  }
  const deck = await db.deck.create({
    data: { ...input, createdAt: now, groups: { create: { groupId, createdAt: now } } },
    select: { id: true, slug: true },
  });
  return { ok: true, deckId: deck.id, slug: deck.slug };
}
