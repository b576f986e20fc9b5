import "server-only";
import { headers } from "next/headers";
import { auth } from "./auth";

/** The signed-in user, or null. */
export async function getSessionUser() {
  const session = await auth.api.getSession({ headers: await headers() });
  return session?.user ?? null;
}
