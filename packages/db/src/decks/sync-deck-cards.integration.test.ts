import { parseNote } from "@strides/content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { noteImportToSyncNote } from "./note-import-to-sync.ts";
import { syncDeckCards } from "./sync-deck-cards.ts";

const V1 = `# ResNet

- What does a skip connection add? ==> The block's input $x$ to its output $F(x)$.
- Why is it easier to train? ==> The block only has to learn the residual.
`;

// The first card's answer is corrected, the second removed, a third added.
const V2 = `# ResNet

- What does a skip connection add? ==> The block's input $x$ to the residual $F(x)$: $H(x) = F(x) + x$.
- What is a bottleneck block? ==> 1×1 reduce, 3×3, 1×1 expand.
`;

function syncNote(text: string) {
  const parsed = parseNote({ text, file: "resnet.md" });
  expect(parsed.errors).toEqual([]);
  return noteImportToSyncNote(parsed, text);
}

describe(`syncDeckCards on ${testDbKind()}`, () => {
  let t: TestDb;
  let deckId: string;
  beforeAll(async () => {
    t = await createTestDb();
    deckId = (await t.db.deck.create({ data: { slug: "resnet", name: "ResNet" } })).id;
    await t.db.user.create({ data: { id: "u1", name: "U", email: "u@example.com" } });
  });
  afterAll(async () => t?.destroy());

  it("adds, changes in place, retires and revives, keeping ids and history", async () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const first = await syncDeckCards({ db: t.db, deckId, notes: [syncNote(V1)], now });
    expect(first.added).toHaveLength(2);
    const skip = await t.db.card.findFirstOrThrow({
      where: { deckId, searchText: { contains: "skip connection" } },
    });
    // A learner's schedule and a review on the card that will be corrected.
    await t.db.cardState.create({
      data: { userId: "u1", cardId: skip.id, deckId, state: 2, due: now, reps: 3 },
    });

    const second = await syncDeckCards({ db: t.db, deckId, notes: [syncNote(V2)], now });
    // The bottleneck card, and the exercise proposed where V2 states $H(x) = F(x) + x$.
    expect(second.added).toHaveLength(2);
    expect(second.changed).toEqual([skip.key]);
    expect(second.retired).toHaveLength(1);
    expect(second.unchanged).toEqual([]);
    const corrected = await t.db.card.findUniqueOrThrow({ where: { id: skip.id } });
    expect(corrected.version).toBe(2);
    expect(corrected.searchText).toContain("H(x) = F(x) + x");
    expect(await t.db.cardState.count({ where: { cardId: skip.id } })).toBe(1);
    const retired = await t.db.card.findFirstOrThrow({
      where: { deckId, retiredAt: { not: null } },
    });
    expect(retired.searchText).toContain("easier to train");

    const same = await syncDeckCards({ db: t.db, deckId, notes: [syncNote(V2)], now });
    expect(same.unchanged).toHaveLength(3);
    expect(same.added.length + same.changed.length + same.retired.length).toBe(0);

    // Bringing the removed card back revives it under the same id and resets new-card cursors.
    await t.db.learnerDeckProgress.create({ data: { userId: "u1", deckId, newCursor: 99 } });
    const back = await syncDeckCards({ db: t.db, deckId, notes: [syncNote(`${V2}${V1}`)], now });
    expect(back.changed).toContain(retired.key);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: retired.id } })).retiredAt).toBeNull();
    expect(
      (await t.db.learnerDeckProgress.findFirstOrThrow({ where: { userId: "u1", deckId } }))
        .newCursor,
    ).toBe(0);
  });
});
