"use server";
import { deleteAccount } from "@strides/db";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { actionForm } from "@/lib/action-input";
import { db } from "@/lib/db";

export async function deleteAccountAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runAction(async (actor) => {
    const form = actionForm(formData);
    await deleteAccount({ db, userId: actor.userId, password: String(form.get("password") ?? "") });
    return {};
  });
  if (result.ok) {
    const jar = await cookies();
    for (const c of jar.getAll()) if (c.name.includes("better-auth")) jar.delete(c.name);
    redirect("/");
  }
  return result;
}
