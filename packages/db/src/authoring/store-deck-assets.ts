// Images of a deck, stored in the database (size and type checked by content, not by name).
import { createHash } from "node:crypto";
import { AppError } from "@strides/content";
import { canOnDeck } from "../access/deck-access.ts";
import type { Db } from "../client.ts";
import { normalizeDeckPath } from "./normalize-deck-path.ts";

export const MAX_ASSET_BYTES = 5 * 1024 * 1024;

export interface DeckAssetInput {
  path: string;
  data: Uint8Array;
}

const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  {
    type: "image/png",
    test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  },
  { type: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/gif",
    test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  },
  {
    type: "image/webp",
    test: (b) =>
      b[0] === 0x52 &&
      b[1] === 0x49 &&
      b[2] === 0x46 &&
      b[3] === 0x46 &&
      b[8] === 0x57 &&
      b[9] === 0x45 &&
      b[10] === 0x42 &&
      b[11] === 0x50,
  },
];

/** The image type from the file's first bytes; null for anything else (SVG is refused: it can script). */
export function sniffImageType(data: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(data))?.type ?? null;
}

/** An image's path in its deck (the same rule as notes' paths: `normalizeDeckPath`). */
export function normalizeAssetPath(path: string): string {
  return normalizeDeckPath(path);
}

/** Checks every asset first, then writes them all (replacing same-path assets). */
export async function storeDeckAssets(options: {
  db: Db;
  deckId: string;
  assets: DeckAssetInput[];
  now: Date;
}): Promise<number> {
  const { db, deckId, now } = options;
  const checked = options.assets.map((a) => {
    const path = normalizeAssetPath(a.path);
    if (a.data.byteLength > MAX_ASSET_BYTES) {
      throw new AppError("BAD_INPUT", `${path}: larger than ${MAX_ASSET_BYTES / 1024 / 1024} MB`, {
        file: path,
        key: "imageTooLarge",
        params: { path, limit: `${MAX_ASSET_BYTES / 1024 / 1024} MB` },
      });
    }
    const mimeType = sniffImageType(a.data);
    if (!mimeType) {
      throw new AppError("BAD_INPUT", `${path}: not a PNG, JPEG, GIF or WebP image`, {
        file: path,
        key: "imageType",
        params: { path },
      });
    }
    const sha256 = createHash("sha256").update(a.data).digest("hex");
    return { path, mimeType, size: a.data.byteLength, sha256, data: Buffer.from(a.data) };
  });
  if (checked.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const a of checked) {
      await tx.asset.upsert({
        where: { deckId_path: { deckId, path: a.path } },
        create: { deckId, ...a, createdAt: now },
        update: { ...a, createdAt: now },
      });
    }
  });
  return checked.length;
}

/** An asset for a user who may read the deck's cards (card.read); null otherwise (not revealed). */
export async function readDeckAsset(options: {
  db: Db;
  userId: string;
  instanceRole: "admin" | "user";
  deckSlug: string;
  path: string;
}) {
  const { db, userId } = options;
  const deck = await db.deck.findUnique({
    where: { slug: options.deckSlug },
    select: { id: true },
  });
  if (!deck) return null;
  const actor = { userId, instanceRole: options.instanceRole };
  if (!(await canOnDeck({ db, actor, action: "card.read", deckId: deck.id }))) return null;
  return db.asset.findUnique({
    where: { deckId_path: { deckId: deck.id, path: options.path } },
    select: { mimeType: true, data: true, sha256: true, size: true },
  });
}

export async function listDeckAssetPaths(options: { db: Db; deckId: string }): Promise<string[]> {
  const rows = await options.db.asset.findMany({
    where: { deckId: options.deckId },
    select: { path: true },
  });
  return rows.map((r) => r.path);
}
