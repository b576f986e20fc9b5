"use server";
import { deleteAccount } from "@strides/db";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { db } from "@/lib/db";

export async function deleteAccountAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const result = await runAction(async (actor) => {
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
