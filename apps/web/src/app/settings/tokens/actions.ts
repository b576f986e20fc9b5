"use server";
import { AppError, parseOrThrow } from "@strides/content";
import { createApiToken, revokeApiToken, ZApiTokenInput } from "@strides/db";
import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { actionForm } from "@/lib/action-input";
import { db } from "@/lib/db";

export async function createTokenAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ token: string; scope: string; expiresAt: string }>> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    const input = parseOrThrow(
      ZApiTokenInput,
      {
        name: form.get("name") ?? "",
        scope: form.get("scope") || undefined,
        expiresInDays: form.get("expiresInDays") || undefined,
      },
      "name",
    );
    const r = await createApiToken({ db, userId: actor.userId, ...input, now: new Date() });
    revalidatePath("/settings/tokens");
    return { token: r.token, scope: r.scope, expiresAt: r.expiresAt.toISOString() };
  });
}

export async function revokeTokenAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    const ok = await revokeApiToken({
      db,
      userId: actor.userId,
      tokenId: String(form.get("tokenId") ?? ""),
      now: new Date(),
    });
    if (!ok) throw new AppError("NOT_FOUND", "token not found");
    revalidatePath("/settings/tokens");
    return {};
  });
}
