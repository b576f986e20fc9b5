"use server";
import { AppError, isAppError } from "@strides/content";
import { deleteAccount, recordSignInFailure, signInRetryAfter } from "@strides/db";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/features/groups/actor";
import { actionForm } from "@/lib/action-input";
import { CLIENT_ADDRESS_HEADER, rateLimitAddress } from "@/lib/client-address";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export async function deleteAccountAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const result = await runAction(async (actor) => {
    const form = actionForm(formData);
    // A wrong password here counts as a failed sign-in, in the sign-in throttle (per account and
    // address), so a session (a borrowed device, a stolen cookie) cannot guess the password.
    const throttle = {
      db,
      email: (await getSessionUser())?.email ?? actor.userId,
      address: rateLimitAddress((await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown"),
    };
    const wait = await signInRetryAfter({ ...throttle, now: new Date() });
    if (wait > 0) {
      throw new AppError("RATE_LIMITED", `too many wrong passwords; retry after ${wait} s`, {
        key: "tooManyRequests",
        params: { seconds: wait },
      });
    }
    try {
      await deleteAccount({
        db,
        userId: actor.userId,
        password: String(form.get("password") ?? ""),
      });
    } catch (error) {
      if (isAppError(error) && error.field === "password") {
        await recordSignInFailure({ ...throttle, now: new Date() });
      }
      throw error;
    }
    return {};
  });
  if (result.ok) {
    const jar = await cookies();
    for (const c of jar.getAll()) if (c.name.includes("better-auth")) jar.delete(c.name);
    redirect("/");
  }
  return result;
}
