import { describe, expect, it } from "vitest";
import { makeCardId, normalizeForId } from "./card-id.ts";
import { diffCards, summarizeCardDiff } from "./diff-cards.ts";
import { parseNote } from "./parse-note.ts";
import type { TCard } from "./schema.ts";

const NOTE = `---
title: ResNet
---

## ResNet

* Why skip connections ? ==> deep plain networks have higher training error (degradation)

* Key takeaways

    * VGG : repeated $3 \\times 3$ blocks

    * ResNet : skip connection

Identity shortcut의 parameter 수::0 ^shortcut-params

BN placement:::conv 뒤, ReLU 앞
`;

const cards = (text: string, file = "decks/dl/resnet.md") =>
  parseNote({ text, file, deckPath: "resnet.md" }).cards;
const byFront = (list: TCard[], front: string) =>
  list.find((c) => (c.kind === "basic" || c.kind === "listRecall") && c.front === front);

describe("stable card identity", () => {
  const before = cards(NOTE);

  it("normalizes case, spacing and trailing punctuation, and keeps Korean", () => {
    expect(normalizeForId("  Why  **3×3**  convolution ? ")).toBe("why 3×3 convolution");
    expect(normalizeForId("풀링 층의 역할은?")).toBe("풀링 층의 역할은");
  });

  it("keeps ids when the note is edited elsewhere (lines shift, other cards added)", () => {
    const edited = NOTE.replace("## ResNet\n", "## ResNet\n\nNew::card\n\nSome added text.\n\n");
    const after = cards(edited);
    for (const card of before) {
      const same = after.find((c) => c.id === card.id);
      expect(same, card.id).toBeDefined();
      expect(same?.contentHash).toBe(card.contentHash);
      expect(same?.source.lineStart).toBeGreaterThan(card.source.lineStart);
    }
  });

  it("keeps the id but changes the content hash when an answer is corrected", () => {
    const corrected = NOTE.replace("skip connection\n", "identity skip connection (addition)\n");
    const after = cards(corrected);
    const old = byFront(before, "ResNet");
    const now = byFront(after, "ResNet");
    expect(now?.id).toBe(old?.id);
    expect(now?.contentHash).not.toBe(old?.contentHash);
    // The reverse card keeps its id too: both directions are keyed by the forward front.
    const reverseOld = before.find((c) => c.kind === "basic" && c.back === "ResNet");
    const reverseNew = after.find((c) => c.kind === "basic" && c.back === "ResNet");
    expect(reverseNew?.id).toBe(reverseOld?.id);
  });

  it("an ^anchor pins the id even when the front is reworded", () => {
    const reworded = NOTE.replace(
      "Identity shortcut의 parameter 수",
      "Identity shortcut이 더하는 parameter",
    );
    const old = before.find((c) => c.anchor === "shortcut-params");
    const now = cards(reworded).find((c) => c.anchor === "shortcut-params");
    expect(now?.id).toBe(old?.id);
  });

  it("does not depend on the file's location when the deck path is the same", () => {
    const moved = cards(NOTE, "elsewhere/resnet.md");
    expect(moved.map((c) => c.id)).toEqual(before.map((c) => c.id));
  });

  it("a front matter id makes ids survive renaming the note", () => {
    const withId = NOTE.replace("title: ResNet", "title: ResNet\nid: resnet-note");
    const a = parseNote({ text: withId, file: "a.md", deckPath: "a.md" }).cards;
    const b = parseNote({ text: withId, file: "b.md", deckPath: "b.md" }).cards;
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
  });

  it("builds ids from note key, kind, context and front", () => {
    const base = { noteKey: "n", kind: "basic", context: ["A"], front: "Q" };
    expect(makeCardId(base)).toBe(makeCardId({ ...base, front: "  q? " }));
    expect(makeCardId(base)).not.toBe(makeCardId({ ...base, context: ["B"] }));
    expect(makeCardId(base)).not.toBe(makeCardId({ ...base, noteKey: "m" }));
    expect(makeCardId({ ...base, anchor: "x" })).toBe(
      makeCardId({ ...base, front: "Z", anchor: "x" }),
    );
  });
});

describe("diffCards: re-importing a note", () => {
  const before = cards(NOTE);

  it("reports added, changed, unchanged and removed cards", () => {
    const next = NOTE.replace("skip connection\n", "skip connection (identity)\n")
      .replace("BN placement:::conv 뒤, ReLU 앞\n", "")
      .concat("\nGlobal average pooling::채널마다 평균 하나\n");
    const diff = diffCards(before, cards(next));
    expect(summarizeCardDiff(diff)).toEqual({
      added: 1,
      changed: 2,
      unchanged: 4,
      removed: 2,
      renamed: 0,
    });
    expect(diff.added.map((c) => (c.kind === "basic" ? c.front : ""))).toEqual([
      "Global average pooling",
    ]);
    expect(diff.removed.map((c) => (c.kind === "basic" ? c.front : ""))).toEqual([
      "BN placement",
      "conv 뒤, ReLU 앞",
    ]);
    expect(diff.changed.every((c) => c.before.id === c.after.id)).toBe(true);
  });

  it("re-importing the same note reports everything unchanged", () => {
    const diff = diffCards(before, cards(NOTE));
    expect(summarizeCardDiff(diff)).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(diff.unchanged).toHaveLength(before.length);
  });

  it("pairs a removed and an added card with identical content as renamed", () => {
    const diff = diffCards(before, cards(NOTE.replace("## ResNet", "## Residual networks")));
    expect(diff.renamed.length).toBeGreaterThan(0);
    for (const pair of diff.renamed) expect(pair.after.contentHash).toBe(pair.before.contentHash);
  });
});
