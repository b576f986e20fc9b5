import "server-only";
import { isAppError } from "@strides/content";
import { type Actor, getAuthorDeck } from "@strides/db";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/features/groups/actor";
import { db } from "@/lib/db";

/** The deck for its author, or the sign-in page / a 404 (other decks are not revealed). */
export async function loadAuthorDeck(slug: string) {
  const actor: Actor | null = await currentActor();
  if (!actor) redirect("/sign-in");
  try {
    return { actor, deck: await getAuthorDeck({ db, actor, slug }) };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
