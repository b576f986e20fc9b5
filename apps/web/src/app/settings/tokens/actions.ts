"use server";
import { AppError } from "@strides/content";
import { createApiToken, revokeApiToken, ZApiTokenInput } from "@strides/db";
import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { db } from "@/lib/db";

export async function createTokenAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ token: string; scope: string; expiresAt: string }>> {
  return runAction(async (actor) => {
    const parsed = ZApiTokenInput.safeParse({
      name: form.get("name") ?? "",
      scope: form.get("scope") || undefined,
      expiresInDays: form.get("expiresInDays") || undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? "name");
      throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "invalid"}`, { field });
    }
    const r = await createApiToken({ db, userId: actor.userId, ...parsed.data, now: new Date() });
    revalidatePath("/settings/tokens");
    return { token: r.token, scope: r.scope, expiresAt: r.expiresAt.toISOString() };
  });
}

export async function revokeTokenAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  return runAction(async (actor) => {
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
