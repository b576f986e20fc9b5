// The signed-in actor for server actions and pages, with their instance role.
import "server-only";
import { AppError, isAppError } from "@strides/content";
import { type Actor, loadActor } from "@strides/db";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export async function currentActor(): Promise<Actor | null> {
  const user = await getSessionUser();
  return user ? loadActor({ db, userId: user.id }) : null;
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "sign in first");
  return actor;
}

export type ActionResult<T = Record<never, never>> =
  | ({ ok: true } & T)
  | {
      ok: false;
      code: string;
      /** The English message; `key` (and `params`) name its text in the `errors` messages. */
      error: string;
      field?: string;
      key?: string;
      params?: Record<string, string | number>;
    };

/** Runs a server action's body; expected failures (AppError) become values for the form. */
export async function runAction<T extends object>(
  body: (actor: Actor) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const actor = await requireActor();
    return { ok: true, ...(await body(actor)) };
  } catch (error) {
    if (isAppError(error)) {
      return {
        ok: false,
        code: error.code,
        error: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...(error.key ? { key: error.key } : {}),
        ...(error.params ? { params: error.params } : {}),
      };
    }
    throw error;
  }
}
