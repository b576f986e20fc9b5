"use server";
import { AppError } from "@strides/content";
import { createApiToken, revokeApiToken } from "@strides/db";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { db } from "@/lib/db";

const ZTokenName = z.string().trim().min(1, "name is required").max(60);

export async function createTokenAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ token: string }>> {
  return runAction(async (actor) => {
    const name = ZTokenName.safeParse(form.get("name"));
    if (!name.success) {
      throw new AppError("BAD_INPUT", name.error.issues[0]?.message ?? "invalid", {
        field: "name",
      });
    }
    const r = await createApiToken({ db, userId: actor.userId, name: name.data, now: new Date() });
    revalidatePath("/settings/tokens");
    return { token: r.token };
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
