"use server";
import { setInstanceRole } from "@strides/db";
import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { actionForm } from "@/lib/action-input";
import { db } from "@/lib/db";

export async function setInstanceRoleAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(async (actor) => {
    const form = actionForm(formData);
    await setInstanceRole({
      db,
      actor,
      userId: String(form.get("userId") ?? ""),
      role: form.get("role") === "admin" ? "admin" : "user",
      now: new Date(),
    });
    revalidatePath("/admin");
    return {};
  });
}
