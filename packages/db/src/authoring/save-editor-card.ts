// Writes cards made in the browser editor. New cards belong to the deck's "editor" note; an edit of
// any card (also one imported from a note) keeps its key, so every learner's schedule stays. An
// imported card's edit records the note's card it was made on: a re-import of the unchanged note
// keeps it (decks/curated-edits.ts).
import { AppError, parseOrThrow } from "@strides/content";
import { z } from "zod";
import type { Db } from "../client.ts";
import { editedSourceOf, markEdited } from "../decks/curated-edits.ts";
import type { SyncCard } from "../decks/sync-deck-cards.ts";
import type { Actor } from "../groups/permissions.ts";
import { readPage } from "../paging.ts";
import { num, sql } from "../review/sql-values.ts";
import { containsText } from "../sql-dialect.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { cardsFromFields } from "./card-from-fields.ts";
import { requireDeckAuthor } from "./require-deck-author.ts";

export const EDITOR_NOTE_PATH = "(editor)";

export async function saveEditorCard(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  /** The card's id (row id) when editing; absent for a new card. */
  cardId?: string;
  fields: unknown;
  now: Date;
}): Promise<{ keys: string[]; changed: boolean }> {
  const { db, actor, deckId, cardId, now } = options;
  await requireDeckAuthor({ db, actor, deckId });
  if (cardId) {
    const row = await db.card.findFirst({
      where: { id: cardId, deckId },
      select: {
        key: true,
        kind: true,
        contentHash: true,
        content: true,
        siblingKey: true,
        note: { select: { path: true } },
      },
    });
    if (!row) throw new AppError("NOT_FOUND", "card not found", { key: "cardNotFound" });
    const content = JSON.parse(row.content) as { clozeNumber?: number };
    const [card] = cardsFromFields({
      fields: options.fields,
      key: row.key,
      ...(content.clozeNumber !== undefined ? { clozeNumber: content.clozeNumber } : {}),
    });
    if (!card) throw new AppError("INTERNAL", "no card made", { key: "unexpected" });
    if (card.kind !== row.kind) {
      throw new AppError("BAD_INPUT", "kind: an existing card keeps its kind", {
        field: "kind",
        key: "cardKindFixed",
      });
    }
    if (card.contentHash === row.contentHash) return { keys: [row.key], changed: false };
    const imported = row.note !== null && row.note.path !== EDITOR_NOTE_PATH;
    const source = editedSourceOf(row.content) ?? row.contentHash;
    await db.card.update({
      where: { id: cardId },
      data: {
        ...rowData(
          imported
            ? { ...card, content: markEdited(card.content as Record<string, unknown>, source) }
            : card,
        ),
        siblingKey: row.siblingKey,
        version: { increment: 1 },
        retiredAt: null,
        updatedAt: now,
      },
    });
    return { keys: [row.key], changed: true };
  }
  const cards = cardsFromFields({ fields: options.fields });
  await db.$transaction(async (tx) => {
    const note = await tx.note.upsert({
      where: { deckId_path: { deckId, path: EDITOR_NOTE_PATH } },
      create: { deckId, path: EDITOR_NOTE_PATH, contentHash: "", createdAt: now },
      update: { updatedAt: now },
      select: { id: true },
    });
    const position = await tx.card.count({ where: { deckId } });
    await tx.card.createMany({
      data: cards.map((c, i) => ({
        ...rowData(c),
        deckId,
        key: c.key,
        noteId: note.id,
        position: position + i,
        createdAt: now,
        updatedAt: now,
      })),
    });
  });
  return { keys: cards.map((c) => c.key), changed: true };
}

function rowData(card: SyncCard) {
  return {
    kind: card.kind,
    contentHash: card.contentHash,
    content: JSON.stringify(card.content),
    searchText: card.searchText,
    tags: card.tags.join(" "),
    context: card.context.join(" › "),
    siblingKey: card.siblingKey,
  };
}

/** Retires (or restores) a card: it leaves every queue but keeps its history. */
export async function setCardRetired(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  cardId: string;
  retired: boolean;
  now: Date;
}): Promise<void> {
  const { db, actor, deckId, cardId, retired, now } = options;
  await requireDeckAuthor({ db, actor, deckId });
  const r = await db.card.updateMany({
    where: { id: cardId, deckId },
    data: { retiredAt: retired ? now : null },
  });
  if (r.count !== 1) throw new AppError("NOT_FOUND", "card not found", { key: "cardNotFound" });
}

const ZDeckCardsQuery = z.object({
  query: z.string().trim().max(200).optional(),
});

/**
 * A page of a deck's cards for the editor's list, live first, with search (issue 18: a school's deck
 * of 1,000 cards was rendered whole). Ends the order with the id so pages never repeat a card.
 */
export async function listDeckCardsForAuthor(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  query?: string;
  page?: number;
  pageSize?: number;
}) {
  const { db, actor, deckId } = options;
  await requireDeckAuthor({ db, actor, deckId });
  const { query } = parseOrThrow(ZDeckCardsQuery, { query: options.query }, "query");
  // The matching ids in SQL: a search matches by the search boxes' one rule (containsText), which
  // Prisma's `contains` cannot express; the page's cards are then read by id.
  const runner = sqlRunnerOf(db);
  const where = sql`c."deckId" = ${deckId}${
    query ? sql` AND ${containsText(runner.provider, sql.raw('c."searchText"'), query)}` : sql``
  }`;
  return readPage(
    { page: options.page, pageSize: options.pageSize },
    async () =>
      num((await runner.query(sql`SELECT COUNT(*) AS "n" FROM "Card" c WHERE ${where}`))[0]?.n),
    async (window) => {
      // NULLS FIRST spelled out: Postgres puts NULLs last in ascending order, SQLite first.
      const ids = await runner.query(sql`SELECT c."id" AS "id" FROM "Card" c WHERE ${where}
        ORDER BY c."retiredAt" ASC NULLS FIRST, c."position", c."id"
        LIMIT ${window.take} OFFSET ${window.skip}`);
      if (ids.length === 0) return [];
      return db.card.findMany({
        where: { id: { in: ids.map((r) => String(r.id)) } },
        orderBy: [
          { retiredAt: { sort: "asc", nulls: "first" } },
          { position: "asc" },
          { id: "asc" },
        ],
        select: {
          id: true,
          key: true,
          kind: true,
          searchText: true,
          tags: true,
          retiredAt: true,
          version: true,
          lineStart: true,
          note: { select: { path: true } },
        },
      });
    },
  );
}

/** One card with its content for the editor form. */
export async function getCardForEdit(options: {
  db: Db;
  actor: Actor;
  deckId: string;
  cardId: string;
}) {
  const { db, actor, deckId, cardId } = options;
  await requireDeckAuthor({ db, actor, deckId });
  const row = await db.card.findFirst({
    where: { id: cardId, deckId },
    select: {
      id: true,
      key: true,
      kind: true,
      content: true,
      tags: true,
      retiredAt: true,
      version: true,
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "card not found", { key: "cardNotFound" });
  return { ...row, content: JSON.parse(row.content) as Record<string, unknown> };
}
