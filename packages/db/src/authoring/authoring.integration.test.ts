import { parseNote } from "@strides/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteImportToSyncNote } from "../decks/note-import-to-sync.ts";
import type { Actor } from "../groups/permissions.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import {
  createDeck,
  getCardForEdit,
  previewDeckImport,
  publishDeckImport,
  readDeckAsset,
  saveEditorCard,
  setCardRetired,
} from "./index.ts";

const now = new Date("2026-04-01T10:00:00Z");
const teacher: Actor = { userId: "teacher", instanceRole: "user" };
const learner: Actor = { userId: "learner", instanceRole: "user" };
const outsider: Actor = { userId: "outsider", instanceRole: "user" };

const NOTE_V1 = `# CNN

## Convolution

Stride::The step of the kernel.

Padding::Zeros around the input.
`;
const NOTE_V2 = `# CNN

## Convolution

Stride::The step of the kernel, in pixels.

Dilation::Gaps between kernel taps.
`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function note(text: string) {
  return noteImportToSyncNote(parseNote({ text, file: "cnn.md" }), text);
}

describe(`authoring and import on ${testDbKind()}`, () => {
  let t: TestDb;
  let deckId: string;
  beforeAll(async () => {
    t = await createTestDb();
    for (const id of ["teacher", "learner", "outsider"]) {
      await t.db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
    }
    await t.db.group.create({
      data: {
        id: "g",
        name: "G",
        slug: "g",
        memberships: {
          create: [
            { userId: "teacher", role: "instructor" },
            { userId: "learner", role: "member" },
          ],
        },
      },
    });
    const r = await createDeck({
      db: t.db,
      actor: teacher,
      groupId: "g",
      input: { name: "CNN", slug: "cnn" },
      now,
    });
    if (!r.ok) throw new Error("deck not created");
    deckId = r.deckId;
  });
  afterAll(async () => t?.destroy());

  it("refuses deck creation and import to learners and outsiders", async () => {
    await expect(
      createDeck({ db: t.db, actor: learner, groupId: "g", input: { name: "X", slug: "xx" }, now }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The learner studies the deck (403); the outsider may not know it exists (404).
    for (const [actor, code] of [
      [learner, "FORBIDDEN"],
      [outsider, "NOT_FOUND"],
    ] as const) {
      await expect(
        previewDeckImport({ db: t.db, actor, deckId, notes: [note(NOTE_V1)] }),
      ).rejects.toMatchObject({ code });
      await expect(
        publishDeckImport({ db: t.db, actor, deckId, notes: [note(NOTE_V1)], now }),
      ).rejects.toMatchObject({ code });
    }
  });

  it("previews, publishes, and re-imports an edited note keeping schedules", async () => {
    const v1 = note(NOTE_V1);
    const preview = await previewDeckImport({ db: t.db, actor: teacher, deckId, notes: [v1] });
    expect(preview.added).toHaveLength(v1.cards.length);
    expect(preview.added[0]).toMatchObject({ file: "cnn.md", line: expect.any(Number) });
    expect(await t.db.card.count({ where: { deckId } })).toBe(0);
    await publishDeckImport({ db: t.db, actor: teacher, deckId, notes: [v1], now });
    const stride = await t.db.card.findFirstOrThrow({
      where: { deckId, searchText: { contains: "Stride" } },
    });
    await t.db.cardState.create({
      data: { userId: "learner", cardId: stride.id, deckId, state: 2, due: now, reps: 3 },
    });

    const v2 = note(NOTE_V2);
    const diff = await previewDeckImport({ db: t.db, actor: teacher, deckId, notes: [v2] });
    expect(diff.changed.map((c) => c.text)).toEqual([expect.stringContaining("Stride")]);
    expect(diff.retired.map((c) => c.text)).toEqual([expect.stringContaining("Padding")]);
    expect(diff.added.map((c) => c.text)).toEqual([expect.stringContaining("Dilation")]);
    const report = await publishDeckImport({ db: t.db, actor: teacher, deckId, notes: [v2], now });
    expect(report.changed).toHaveLength(1);
    const after = await t.db.card.findUniqueOrThrow({ where: { id: stride.id } });
    expect(after.version).toBe(2);
    const state = await t.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: "learner", cardId: stride.id } },
    });
    expect(state.reps).toBe(3);
  });

  it("imports nothing when an image is refused", async () => {
    const before = await t.db.card.count({ where: { deckId } });
    await expect(
      publishDeckImport({
        db: t.db,
        actor: teacher,
        deckId,
        notes: [note(`${NOTE_V2}\nNew::card\n`)],
        assets: [{ path: "img/evil.svg", data: new TextEncoder().encode("<svg onload=x>") }],
        now,
      }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", file: "img/evil.svg" });
    expect(await t.db.card.count({ where: { deckId } })).toBe(before);
  });

  it("stores images and serves them to group members only", async () => {
    await publishDeckImport({
      db: t.db,
      actor: teacher,
      deckId,
      notes: [],
      assets: [{ path: "img/a.png", data: PNG }],
      now,
    });
    const read = (userId: string) =>
      readDeckAsset({ db: t.db, userId, instanceRole: "user", deckSlug: "cnn", path: "img/a.png" });
    expect((await read("learner"))?.mimeType).toBe("image/png");
    expect(await read("outsider")).toBeNull();
  });

  it("creates, edits (same key, new version) and retires cards in the editor", async () => {
    const created = await saveEditorCard({
      db: t.db,
      actor: teacher,
      deckId,
      fields: { kind: "basic", front: "What is $k$?", back: "Kernel size", tags: "cnn" },
      now,
    });
    const row = await t.db.card.findUniqueOrThrow({
      where: { deckId_key: { deckId, key: created.keys[0] ?? "" } },
    });
    await saveEditorCard({
      db: t.db,
      actor: teacher,
      deckId,
      cardId: row.id,
      fields: { kind: "basic", front: "What is $k$?", back: "The kernel size", tags: "cnn" },
      now,
    });
    const edited = await getCardForEdit({ db: t.db, actor: teacher, deckId, cardId: row.id });
    expect(edited.key).toBe(row.key);
    expect(edited.version).toBe(2);
    expect(edited.content.back).toBe("The kernel size");
    await expect(
      saveEditorCard({
        db: t.db,
        actor: teacher,
        deckId,
        fields: { kind: "basic", front: "Bad $\\frac{1}$", back: "x", tags: "" },
        now,
      }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", field: "front" });
    await expect(
      setCardRetired({ db: t.db, actor: learner, deckId, cardId: row.id, retired: true, now }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setCardRetired({ db: t.db, actor: teacher, deckId, cardId: row.id, retired: true, now });
    expect((await t.db.card.findUniqueOrThrow({ where: { id: row.id } })).retiredAt).not.toBeNull();
  });
});
