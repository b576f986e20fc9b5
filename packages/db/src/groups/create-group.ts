import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { type Actor, can } from "./permissions.ts";
import { parseInput, ZCreateGroup } from "./schema.ts";

/** Creates a group; its creator becomes the owner. */
export async function createGroup(options: {
  db: Db;
  actor: Actor;
  input: unknown;
  now: Date;
}): Promise<{ ok: true; groupId: string } | { ok: false; reason: "slug_taken" }> {
  const { db, actor, now } = options;
  if (!can({ actor, action: "group.create" }))
    throw new AppError("FORBIDDEN", "not allowed", { key: "notAllowed" });
  const input = parseInput(ZCreateGroup, options.input);
  const taken = await db.group.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) return { ok: false, reason: "slug_taken" };
  const group = await db.group.create({
    data: {
      name: input.name,
      slug: input.slug,
      createdAt: now,
      memberships: { create: { userId: actor.userId, role: "owner", createdAt: now } },
    },
    select: { id: true },
  });
  return { ok: true, groupId: group.id };
}
