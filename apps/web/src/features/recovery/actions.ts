"use server";
// Server actions of account recovery: a staff member or the admin creates a reset link; whoever
// holds the link sets the account's new password with it (the link is the permission).
import { AppError, isAppError } from "@strides/content";
import { createResetLink, resetPasswordWithLink } from "@strides/db";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { actionForm } from "@/lib/action-input";
import { db } from "@/lib/db";
import { ZCreateResetLink, ZResetPassword } from "./schema";

/** Validates a form; a bad field is a BAD_INPUT naming it (with its message id for the form). */
function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue?.path[0] ?? "input");
  const key =
    field === "confirm" ? "passwordsDiffer" : field === "password" ? "passwordLength" : undefined;
  throw new AppError("BAD_INPUT", `${field}: ${issue?.message ?? "invalid"}`, {
    field,
    ...(key ? { key } : {}),
  });
}

export async function createResetLinkAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ token: string; expiresAt: string }>> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    const input = parse(ZCreateResetLink, {
      userId: String(form.get("userId") ?? ""),
      groupId: String(form.get("groupId") ?? ""),
    });
    const link = await createResetLink({ db, actor, ...input, now: new Date() });
    revalidatePath("/admin");
    return { token: link.token, expiresAt: link.expiresAt.toISOString() };
  });
}

export async function resetPasswordAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  try {
    const form = actionForm(formData);
    const input = parse(ZResetPassword, {
      token: String(form.get("token") ?? ""),
      password: String(form.get("password") ?? ""),
      confirm: String(form.get("confirm") ?? ""),
    });
    // No revalidation: it would re-render this page, which now says the link was used, over the
    // form's success message.
    const r = await resetPasswordWithLink({ db, ...input, now: new Date() });
    return { ok: true, email: r.email };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      ok: false,
      code: error.code,
      error: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.key ? { key: error.key } : {}),
    };
  }
}
