"use server";
// Server actions of the groups feature: authenticate, call one domain function, revalidate.
import { AppError } from "@strides/content";
import {
  acceptInvite,
  changeMemberRole,
  createGroup,
  createInvite,
  deleteGroup,
  leaveGroup,
  removeMember,
  renameGroup,
  revokeInvite,
  setGroupPreset,
  subscribeDeck,
  unsubscribeDeck,
} from "@strides/db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionForm, actionInput } from "@/lib/action-input";
import { db } from "@/lib/db";
import { type ActionResult, runAction } from "./actor";

function str(form: FormData, key: string): string {
  return String(form.get(key) ?? "");
}
function num(form: FormData, key: string): number {
  return Number(form.get(key));
}

export async function createGroupAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ slug: string }>> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    const input = { name: str(form, "name"), slug: str(form, "slug") };
    const r = await createGroup({ db, actor, input, now: new Date() });
    if (!r.ok) {
      throw new AppError("CONFLICT", "this address is taken", { field: "slug", key: "slugTaken" });
    }
    revalidatePath("/groups");
    return { slug: input.slug.trim().toLowerCase() };
  });
}

export async function createInviteAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ token: string; expiresAt: string }>> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    const r = await createInvite({
      db,
      actor,
      groupId: str(form, "groupId"),
      input: {
        role: str(form, "role"),
        expiresInHours: num(form, "expiresInHours"),
        maxUses: num(form, "maxUses"),
      },
      now: new Date(),
    });
    revalidatePath("/groups/[slug]", "page");
    return { token: r.token, expiresAt: r.expiresAt.toISOString() };
  });
}

export async function revokeInviteAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await revokeInvite({ db, actor, inviteId: str(form, "inviteId"), now: new Date() });
    revalidatePath("/groups/[slug]", "page");
    return {};
  });
}

const ZInviteToken = z.string().min(1).max(200);

export async function acceptInviteAction(token: string): Promise<ActionResult<{ slug: string }>> {
  return runAction(async (actor) => {
    const r = await acceptInvite({
      db,
      userId: actor.userId,
      token: actionInput(ZInviteToken, token),
      now: new Date(),
    });
    if (!r.ok) throw new AppError("CONFLICT", r.reason);
    revalidatePath("/", "layout");
    return { slug: r.groupSlug };
  });
}

export async function leaveGroupAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async (actor) => {
    const form = actionForm(formData);
    await leaveGroup({ db, actor, groupId: str(form, "groupId") });
    revalidatePath("/", "layout");
    return {};
  });
  if (result.ok) redirect("/groups");
  return result;
}

export async function removeMemberAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await removeMember({ db, actor, groupId: str(form, "groupId"), userId: str(form, "userId") });
    revalidatePath("/groups/[slug]", "page");
    return {};
  });
}

export async function changeRoleAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await changeMemberRole({
      db,
      actor,
      groupId: str(form, "groupId"),
      userId: str(form, "userId"),
      role: str(form, "role"),
    });
    revalidatePath("/groups/[slug]", "page");
    return {};
  });
}

export async function subscribeDeckAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await subscribeDeck({
      db,
      actor,
      groupId: str(form, "groupId"),
      deckId: str(form, "deckId"),
      now: new Date(),
    });
    revalidatePath("/groups/[slug]", "page");
    return {};
  });
}

export async function unsubscribeDeckAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await unsubscribeDeck({
      db,
      actor,
      groupId: str(form, "groupId"),
      deckId: str(form, "deckId"),
    });
    revalidatePath("/groups/[slug]", "page");
    return {};
  });
}

export async function setPresetAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await setGroupPreset({
      db,
      actor,
      groupId: str(form, "groupId"),
      deckId: str(form, "deckId"),
      input: {
        desiredRetention: num(form, "desiredRetention"),
        newPerDay: num(form, "newPerDay"),
        reviewsPerDay: num(form, "reviewsPerDay"),
        learningSteps: str(form, "learningSteps"),
        relearningSteps: str(form, "relearningSteps"),
        maximumInterval: num(form, "maximumInterval"),
        learnerOverridable: form.getAll("learnerOverridable").map(String),
      },
      now: new Date(),
    });
    revalidatePath("/groups/[slug]", "page");
    return {};
  });
}

export async function renameGroupAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await renameGroup({ db, actor, groupId: str(form, "groupId"), name: str(form, "name") });
    revalidatePath("/", "layout");
    return {};
  });
}

export async function deleteGroupAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const result = await runAction(async (actor) => {
    const form = actionForm(formData);
    await deleteGroup({ db, actor, groupId: str(form, "groupId") });
    revalidatePath("/", "layout");
    return {};
  });
  if (result.ok) redirect("/groups");
  return result;
}
