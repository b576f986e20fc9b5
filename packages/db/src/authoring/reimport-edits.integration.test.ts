// An instructor's edits survive a re-import of the unchanged note (edits made in the import preview
// and in the card editor); when the note changed the edited card, the note's card replaces the edit
// and the preview says so, showing the edit.
import { parseNote } from "@strides/content";
import { beforeEach, describe, expect, it } from "vitest";
import { noteImportToSyncNote } from "../decks/note-import-to-sync.ts";
import type { Actor } from "../groups/permissions.ts";
import { useTestDb } from "../testing/review-test-helpers.ts";
import { testDbKind } from "../testing/test-db.ts";
import { createDeck, previewDeckImport, publishDeckImport, saveEditorCard } from "./index.ts";

const now = new Date("2026-04-01T10:00:00Z");
const teacher: Actor = { userId: "teacher", instanceRole: "user" };

const NOTE = `# CNN

## Convolution

Stride::The step of the kernel.

Padding::Zeros around the input.
`;
const CHANGED = NOTE.replace("The step of the kernel.", "How many pixels the kernel moves.");

function note(text = NOTE) {
  return noteImportToSyncNote(parseNote({ text, file: "cnn.md" }), text);
}

const { db } = useTestDb();
let deckId: string;

beforeEach(async () => {
  await db().user.create({ data: { id: "teacher", name: "T", email: "t@example.com" } });
  await db().group.create({
    data: {
      id: "g",
      name: "G",
      slug: "g",
      memberships: { create: [{ userId: "teacher", role: "instructor" }] },
    },
  });
  const r = await createDeck({
    db: db(),
    actor: teacher,
    groupId: "g",
    input: { name: "CNN", slug: "cnn" },
    now,
  });
  if (!r.ok) throw new Error("deck not created");
  deckId = r.deckId;
});

function keyOf(front: string): string {
  const card = note().cards.find((c) => (c.content as { front?: string }).front === front);
  if (!card) throw new Error(`no card ${front}`);
  return card.key;
}

async function stored(key: string) {
  const c = await db().card.findUniqueOrThrow({ where: { deckId_key: { deckId, key } } });
  return { ...c, content: JSON.parse(c.content) as { front: string; back: string } };
}

const publish = (text: string, edits: Record<string, { back: string }> = {}) =>
  publishDeckImport({
    db: db(),
    actor: teacher,
    deckId,
    notes: [note(text)],
    curation: { rejected: [], restored: [], edits },
    now,
  });

describe(`re-importing a note keeps the instructor's edits on ${testDbKind()}`, () => {
  it("keeps an edit made in the import preview while the note's card is unchanged", async () => {
    const stride = keyOf("Stride");
    await publish(NOTE, { [stride]: { back: "How far the kernel moves." } });
    const before = await stored(stride);

    const preview = await previewDeckImport({ db: db(), actor: teacher, deckId, notes: [note()] });
    expect(preview.changed).toEqual([]);
    const kept = preview.unchanged.find((c) => c.key === stride);
    expect(kept?.edit?.state).toBe("kept");
    expect(kept?.content).toMatchObject({ back: "How far the kernel moves." });

    const again = await publish(NOTE);
    expect(again.changed).toEqual([]);
    expect(again.keptEdits).toEqual([stride]);
    const after = await stored(stride);
    expect(after.content.back).toBe("How far the kernel moves.");
    expect([after.version, after.contentHash]).toEqual([before.version, before.contentHash]);
    // And again: the edit is not lost on the second re-import either.
    await publish(NOTE);
    expect((await stored(stride)).content.back).toBe("How far the kernel moves.");
  });

  it("keeps an edit made in the card editor after the import", async () => {
    await publish(NOTE);
    const padding = await stored(keyOf("Padding"));
    await saveEditorCard({
      db: db(),
      actor: teacher,
      deckId,
      cardId: padding.id,
      fields: { kind: "basic", front: "Padding", back: "Zeros added around the input.", tags: "" },
      now,
    });
    const again = await publish(NOTE);
    expect(again.keptEdits).toEqual([padding.key]);
    expect(again.changed).toEqual([]);
    expect((await stored(padding.key)).content.back).toBe("Zeros added around the input.");
    // A retired edited card comes back with the edit when its unchanged source returns.
    await publish(NOTE.replace("Padding::Zeros around the input.\n", ""));
    expect((await stored(padding.key)).retiredAt).not.toBeNull();
    const back = await publish(NOTE);
    expect(back.changed).toEqual([padding.key]);
    const revived = await stored(padding.key);
    expect([revived.retiredAt, revived.content.back]).toEqual([
      null,
      "Zeros added around the input.",
    ]);
  });

  it("lets the note's changed card replace the edit, and says so in the preview", async () => {
    const stride = keyOf("Stride");
    await publish(NOTE, { [stride]: { back: "How far the kernel moves." } });

    const preview = await previewDeckImport({
      db: db(),
      actor: teacher,
      deckId,
      notes: [note(CHANGED)],
    });
    const changed = preview.changed.find((c) => c.key === stride);
    expect(changed?.edit).toEqual({
      state: "replaced",
      text: "Stride\nHow far the kernel moves.",
    });
    expect(changed?.content).toMatchObject({ back: "How many pixels the kernel moves." });
    // The untouched card is unchanged and carries no edit.
    expect(preview.unchanged.map((c) => [c.key, c.edit])).toEqual([[keyOf("Padding"), undefined]]);

    const report = await publish(CHANGED);
    expect([report.changed, report.replacedEdits]).toEqual([[stride], [stride]]);
    expect((await stored(stride)).content.back).toBe("How many pixels the kernel moves.");
    // The note's card is now the card: a later re-import leaves it alone, with no edit to keep.
    const later = await publish(CHANGED);
    expect([later.changed, later.keptEdits]).toEqual([[], []]);
  });

  it("applies a new edit made in the preview over a kept one", async () => {
    const stride = keyOf("Stride");
    await publish(NOTE, { [stride]: { back: "How far the kernel moves." } });
    const report = await publish(NOTE, { [stride]: { back: "The kernel's step, in pixels." } });
    expect(report.changed).toEqual([stride]);
    expect((await stored(stride)).content.back).toBe("The kernel's step, in pixels.");
    expect((await publish(NOTE)).keptEdits).toEqual([stride]);
  });
});
