"use server";
// Server actions of deck authoring: authenticate, call one domain function, revalidate.
import { AppError } from "@strides/content";
import { createDeck, saveEditorCard, setCardRetired } from "@strides/db";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { actionForm, actionInput } from "@/lib/action-input";
import { db } from "@/lib/db";

export async function createDeckAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ slug: string }>> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    const r = await createDeck({
      db,
      actor,
      groupId: String(form.get("groupId") ?? ""),
      input: {
        name: String(form.get("name") ?? ""),
        slug: String(form.get("slug") ?? ""),
        description: String(form.get("description") ?? ""),
      },
      now: new Date(),
    });
    if (!r.ok) {
      throw new AppError("CONFLICT", "this address is taken", { field: "slug", key: "slugTaken" });
    }
    return { slug: r.slug };
  });
}

/** The card editor's save: the fields are validated by the domain (`saveEditorCard`). */
const ZSaveCardInput = z.object({
  deckId: z.string().min(1),
  deckSlug: z.string().min(1),
  cardId: z.string().min(1).optional(),
  fields: z.record(z.string(), z.unknown()),
});
export type SaveCardInput = z.infer<typeof ZSaveCardInput>;

export async function saveCardAction(
  raw: SaveCardInput,
): Promise<ActionResult<{ keys: string[] }>> {
  return runAction(async (actor) => {
    const input = actionInput(ZSaveCardInput, raw);
    const r = await saveEditorCard({
      db,
      actor,
      deckId: input.deckId,
      ...(input.cardId ? { cardId: input.cardId } : {}),
      fields: input.fields,
      now: new Date(),
    });
    revalidatePath(`/decks/${input.deckSlug}`);
    return { keys: r.keys };
  });
}

export async function setRetiredAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await setCardRetired({
      db,
      actor,
      deckId: String(form.get("deckId") ?? ""),
      cardId: String(form.get("cardId") ?? ""),
      retired: form.get("retired") === "1",
      now: new Date(),
    });
    revalidatePath("/decks/[slug]", "page");
    return {};
  });
}
