/**
 * The deck shipped with Strides ("DL Basic — CNN", used by the demo seed): Markdown notes written
 * by the team in packages/content/decks/dl-basic/. This is the one file of the notes folder that
 * reads the file system; the parser itself stays pure.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { AppError } from "../errors.ts";

export const ZShippedDeckManifest = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  /** Note files in study order, relative to the deck folder. */
  notes: z.array(z.string().regex(/^[\w.-]+\.md$/)).min(1),
});
export type TShippedDeckManifest = z.infer<typeof ZShippedDeckManifest>;

export interface ShippedDeck {
  slug: string;
  name: string;
  description: string;
  /** `path` is relative to the deck folder (use it as the note's deckPath). */
  notes: { path: string; text: string }[];
}

// Not `new URL("../../decks/dl-basic/", import.meta.url)`: Turbopack would try to bundle the folder
// as an asset and fail the web app's build (the deck is read by the seed CLI, not by the web app).
const DL_BASIC_DIR = pathToFileURL(
  `${join(dirname(fileURLToPath(import.meta.url)), "..", "..", "decks", "dl-basic")}/`,
);

/** Absolute path of the shipped deck's folder, e.g. for resolving images or `notes check`. */
export function shippedDeckDir(): string {
  return fileURLToPath(DL_BASIC_DIR);
}

export function loadShippedDeck(): ShippedDeck {
  let manifest: TShippedDeckManifest;
  try {
    manifest = ZShippedDeckManifest.parse(
      JSON.parse(readFileSync(new URL("deck.json", DL_BASIC_DIR), "utf8")),
    );
  } catch (error) {
    throw new AppError("INTERNAL", "the shipped deck's deck.json is missing or invalid", {
      file: "packages/content/decks/dl-basic/deck.json",
      cause: error,
    });
  }
  return {
    slug: manifest.slug,
    name: manifest.name,
    description: manifest.description,
    notes: manifest.notes.map((path) => ({
      path,
      text: readFileSync(new URL(path, DL_BASIC_DIR), "utf8"),
    })),
  };
}
