import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { parseInput, ZGroupPreset } from "./schema.ts";

/**
 * Sets the group's scheduling preset for one subscribed deck (applies to all its members), and which
 * options learners may override. Creates the group's preset on first use.
 */
export async function setGroupPreset(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  deckId: string;
  input: unknown;
  now: Date;
}): Promise<{ presetId: string }> {
  const { db, actor, groupId, deckId, now } = options;
  await requireGroupPermission({ db, actor, groupId, action: "presets.edit" });
  const input = parseInput(ZGroupPreset, options.input);
  const data = {
    desiredRetention: input.desiredRetention,
    newPerDay: input.newPerDay,
    reviewsPerDay: input.reviewsPerDay,
    learningSteps: input.learningSteps.replace(/\s+/g, " "),
    relearningSteps: input.relearningSteps.replace(/\s+/g, " "),
    maximumInterval: input.maximumInterval,
    learnerOverridable: input.learnerOverridable.join(" "),
    updatedAt: now,
  };
  return db.$transaction(async (tx) => {
    const link = await tx.groupDeck.findUnique({
      where: { groupId_deckId: { groupId, deckId } },
      select: { presetId: true, preset: { select: { groupId: true } } },
    });
    if (!link) {
      throw new AppError("NOT_FOUND", "the group is not subscribed to this deck", {
        key: "deckNotSubscribed",
      });
    }
    if (link.presetId && link.preset?.groupId === groupId) {
      await tx.deckPreset.update({ where: { id: link.presetId }, data });
      return { presetId: link.presetId };
    }
    const preset = await tx.deckPreset.create({
      data: { ...data, name: "Group preset", groupId, createdAt: now },
      select: { id: true },
    });
    await tx.groupDeck.update({
      where: { groupId_deckId: { groupId, deckId } },
      data: { presetId: preset.id },
    });
    return { presetId: preset.id };
  });
}
