import { parseNote } from "@strides/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteImportToSyncNote } from "../decks/note-import-to-sync.ts";
import type { Actor } from "../groups/permissions.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { applyImportCuration, createDeck, previewDeckImport, publishDeckImport } from "./index.ts";

const now = new Date("2026-04-01T10:00:00Z");
const teacher: Actor = { userId: "teacher", instanceRole: "user" };

const NOTE = `# CNN

## How?

- 작은 filter를 여러 층 쌓는다.
- 층 사이마다 비선형 함수를 넣는다.

## Convolution

Stride::The step of the kernel.

Padding::Zeros around the input.

Dilation::Gaps between kernel taps.

## 피어세션

- Pooling : 학습할 parameter가 없다.

## Diagrams

- ResNet block : ![](images/resnet-block.png)
- Original paper : [Deep Residual Learning](https://arxiv.org/abs/1512.03385)
`;

function note() {
  return noteImportToSyncNote(parseNote({ text: NOTE, file: "cnn.md" }), NOTE);
}

function keyOf(front: string): string {
  const card = note().cards.find((c) => (c.content as { front?: string }).front === front);
  if (!card) throw new Error(`no card ${front}`);
  return card.key;
}

describe(`import curation on ${testDbKind()}`, () => {
  let t: TestDb;
  let deckId: string;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.user.create({ data: { id: "teacher", name: "T", email: "t@example.com" } });
    await t.db.group.create({
      data: {
        id: "g",
        name: "G",
        slug: "g",
        memberships: { create: [{ userId: "teacher", role: "instructor" }] },
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

  it("lists flagged cards first, each with its content and flags", async () => {
    const preview = await previewDeckImport({ db: t.db, actor: teacher, deckId, notes: [note()] });
    const flags = preview.added.map((c) => c.flags.length);
    expect(flags[0]).toBeGreaterThan(0);
    expect(flags).toEqual([...flags].sort((a, b) => b - a));
    expect(preview.added.some((c) => c.flags.includes("non-study-section"))).toBe(true);
    expect(preview.added.some((c) => c.flags.includes("media-only-back"))).toBe(true);
    expect(preview.added.every((c) => typeof c.content === "object")).toBe(true);
    expect(preview.rejected).toEqual([]);
  });

  it("publishes without rejected cards, with edits under the same id, and remembers rejections", async () => {
    const all = note().cards;
    const flagged = all.filter((c) => (c.content as { flags: string[] }).flags.length > 0);
    const stride = keyOf("Stride");
    const padding = keyOf("Padding");
    const rejected = [padding, ...flagged.map((c) => c.key)];
    const report = await publishDeckImport({
      db: t.db,
      actor: teacher,
      deckId,
      notes: [note()],
      curation: {
        rejected,
        restored: [],
        edits: { [stride]: { back: "How far the kernel moves." } },
      },
      now,
    });
    expect(report.added).toHaveLength(all.length - rejected.length);
    expect(report.rejected).toBe(rejected.length);
    const cards = await t.db.card.findMany({
      where: { deckId },
      select: { key: true, content: true },
    });
    expect(cards.map((c) => c.key).sort()).toEqual(
      all
        .map((c) => c.key)
        .filter((k) => !rejected.includes(k))
        .sort(),
    );
    const edited = cards.find((c) => c.key === stride);
    expect(JSON.parse(edited?.content ?? "{}")).toMatchObject({
      front: "Stride",
      back: "How far the kernel moves.",
    });

    // Re-importing the same note: the rejected cards stay out and show as rejected earlier.
    const again = await previewDeckImport({ db: t.db, actor: teacher, deckId, notes: [note()] });
    expect(again.rejected.map((c) => c.key).sort()).toEqual([...rejected].sort());
    expect(again.added).toEqual([]);
    const second = await publishDeckImport({
      db: t.db,
      actor: teacher,
      deckId,
      notes: [note()],
      now,
    });
    expect(second.added).toEqual([]);
    expect(second.changed).toEqual([]); // the edit stays (reimport-edits.integration.test.ts)
    expect(second.keptEdits).toEqual([stride]);
    expect(await t.db.card.count({ where: { deckId, key: { in: rejected } } })).toBe(0);
  });

  it("restores a card rejected earlier", async () => {
    const padding = keyOf("Padding");
    const report = await publishDeckImport({
      db: t.db,
      actor: teacher,
      deckId,
      notes: [note()],
      curation: { rejected: [], restored: [padding], edits: {} },
      now,
    });
    expect(report.added).toEqual([padding]);
    const preview = await previewDeckImport({ db: t.db, actor: teacher, deckId, notes: [note()] });
    expect(preview.rejected.map((c) => c.key)).not.toContain(padding);
  });

  it("refuses a curation naming a card that is not in the import, and edits of non-basic cards", () => {
    expect(() =>
      applyImportCuration({
        notes: [note()],
        curation: { rejected: ["c_nope"], restored: [], edits: {} },
        remembered: new Set(),
      }),
    ).toThrow(/c_nope is not in this import/);
    const n = note();
    const first = n.cards[0];
    if (!first) throw new Error("the note has cards");
    const list = { ...first, kind: "listRecall" };
    expect(() =>
      applyImportCuration({
        notes: [{ ...n, cards: [list] }],
        curation: { rejected: [], restored: [], edits: { [list.key]: { front: "x" } } },
        remembered: new Set(),
      }),
    ).toThrow(/only basic cards/);
  });
});
