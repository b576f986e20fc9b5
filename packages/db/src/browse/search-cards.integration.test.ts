// The card browser's filters on a real database: text (every word, in the card's text, tags or
// heading path), deck, note, scheduling state and leech, only the learner's own states and decks,
// never a retired card, in deck order a page at a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { getCardFaces } from "./get-card-faces.ts";
import { type SearchCardsOptions, searchCards } from "./search-cards.ts";

const now = new Date("2026-04-01T10:00:00Z");
const later = new Date("2026-04-09T10:00:00Z");

describe(`the card browser's filters on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    for (const id of ["u", "v"]) {
      await t.db.user.create({ data: { id, name: id, email: `${id}@example.test` } });
    }
    // u studies d1 and d2 (group g); d3 is only v's (group h).
    await t.db.group.create({
      data: { id: "g", name: "G", slug: "g", memberships: { create: [{ userId: "u" }] } },
    });
    await t.db.group.create({
      data: { id: "h", name: "H", slug: "h", memberships: { create: [{ userId: "v" }] } },
    });
    for (const [deck, group] of [
      ["d1", "g"],
      ["d2", "g"],
      ["d3", "h"],
    ] as const) {
      await t.db.deck.create({ data: { id: deck, name: deck.toUpperCase(), slug: deck } });
      await t.db.groupDeck.create({ data: { groupId: group, deckId: deck } });
    }
    await t.db.note.create({
      data: { id: "na", deckId: "d2", path: "notes/a.md", contentHash: "a" },
    });
    await t.db.note.create({
      data: { id: "nb", deckId: "d2", path: "notes/b.md", contentHash: "b" },
    });
    const card = (
      id: string,
      deckId: string,
      position: number,
      text: string,
      more: { tags?: string; context?: string; noteId?: string; retiredAt?: Date } = {},
    ) =>
      t.db.card.create({
        data: {
          id,
          deckId,
          key: id,
          kind: "basic",
          contentHash: id,
          content: "{}",
          siblingKey: id,
          position,
          searchText: text,
          ...more,
        },
      });
    // Positions out of id order: the browser orders by deck, then position.
    await card("c0", "d1", 9, "stride of a convolution", { tags: "cnn shapes" });
    await card("c1", "d1", 8, "padding keeps the size", { context: "CNN › Padding" });
    await card("c2", "d1", 7, "stride two halves the size");
    await card("c3", "d1", 6, "pooling window");
    await card("c4", "d1", 5, "receptive field of a stride");
    await card("c5", "d1", 4, "dilation");
    await card("c6", "d1", 3, "depthwise convolution");
    await card("c7", "d1", 2, "a retired stride card", { retiredAt: now });
    await card("c8", "d2", 1, "batch norm", { noteId: "na" });
    await card("c9", "d2", 0, "layer norm stride", { noteId: "nb" });
    await card("c10", "d3", 0, "stride elsewhere");
    // Text with LIKE's wildcards and escape character, in a deck of its own.
    await t.db.deck.create({ data: { id: "d4", name: "D4", slug: "d4" } });
    await t.db.groupDeck.create({ data: { groupId: "g", deckId: "d4" } });
    await card("w0", "d4", 0, "dropout of 50% of the units", { tags: "lr_decay" });
    await card("w1", "d4", 1, "dropout of 500 units");
    await card("w2", "d4", 2, "learning_rate");
    await card("w3", "d4", 3, "learningXrate", { context: "Paths › C:\\data" });
    await card("w4", "d4", 4, "합성곱 신경망 (ReLU)");
    const state = (
      userId: string,
      cardId: string,
      deckId: string,
      s: number,
      more: { suspended?: boolean; leech?: boolean } = {},
    ) => ({ userId, cardId, deckId, state: s, due: later, ...more });
    await t.db.cardState.createMany({
      data: [
        // c0 has no state: new. c1 is new with a state.
        state("u", "c1", "d1", 0),
        state("u", "c2", "d1", 1),
        state("u", "c3", "d1", 3, { leech: true }),
        state("u", "c4", "d1", 2),
        state("u", "c5", "d1", 2, { suspended: true, leech: true }),
        state("u", "c6", "d1", 0, { suspended: true }),
        state("u", "c9", "d2", 2),
        // v's states are v's alone.
        state("v", "c0", "d1", 2, { suspended: true, leech: true }),
        state("v", "c8", "d2", 1),
      ],
    });
  });
  afterAll(async () => t?.destroy());

  const ids = async (o: Partial<SearchCardsOptions> = {}) =>
    (await searchCards({ db: t.db, userId: "u", now, ...o })).items.map((r) => r.id);

  it("lists the learner's live cards in deck order", async () => {
    expect(await ids({ deckId: "d1" })).toEqual(["c6", "c5", "c4", "c3", "c2", "c1", "c0"]);
    expect(await ids({ deckId: "d2" })).toEqual(["c9", "c8"]);
    expect(await ids({ deckId: "d3" })).toEqual([]);
    expect(await ids({ notePath: "notes/b.md" })).toEqual(["c9"]);
  });

  it("finds every word in the text, the tags or the heading path", async () => {
    expect(await ids({ query: "stride" })).toEqual(["c4", "c2", "c0", "c9"]);
    expect(await ids({ query: "  stride   size " })).toEqual(["c2"]);
    expect(await ids({ query: "cnn" })).toEqual(["c1", "c0"]);
    expect(await ids({ query: "padding cnn" })).toEqual(["c1"]);
    expect(await ids({ query: "stride", deckId: "d2" })).toEqual(["c9"]);
  });

  it("matches the typed text literally, whatever the case of its ASCII letters", async () => {
    const find = (query: string) => ids({ query, deckId: "d4" });
    expect(await find("50%")).toEqual(["w0"]);
    expect(await find("%")).toEqual(["w0"]);
    expect(await find("_")).toEqual(["w0", "w2"]);
    expect(await find("g_r")).toEqual(["w2"]);
    expect(await find("\\")).toEqual(["w3"]);
    expect(await find("relu 합성곱")).toEqual(["w4"]);
    expect(await find("DROPOUT UNITS")).toEqual(["w0", "w1"]);
  });

  it("filters by the learner's own state and leeches", async () => {
    expect(await ids({ state: "new", deckId: "d2" })).toEqual(["c8"]);
    expect(await ids({ state: "new", deckId: "d1" })).toEqual(["c1", "c0"]);
    expect(await ids({ state: "learning" })).toEqual(["c3", "c2"]);
    expect(await ids({ state: "review" })).toEqual(["c4", "c9"]);
    expect(await ids({ state: "suspended" })).toEqual(["c6", "c5"]);
    expect(await ids({ leech: true })).toEqual(["c5", "c3"]);
    expect(await ids({ leech: true, state: "learning" })).toEqual(["c3"]);
    expect(await ids({ state: "review", query: "stride" })).toEqual(["c4", "c9"]);
  });

  it("returns the state of each row, the learner's", async () => {
    const { items } = await searchCards({ db: t.db, userId: "u", now, deckId: "d1" });
    const byId = new Map(items.map((r) => [r.id, r]));
    expect(byId.get("c0")?.state).toBeNull();
    expect(byId.get("c5")?.state).toMatchObject({ state: 2, suspended: true, leech: true });
    expect(byId.get("c0")).toMatchObject({ deckName: "D1", tags: ["cnn", "shapes"] });
    expect(byId.get("c0")?.title).toBe("stride of a convolution");
  });

  it("pages the matches by the one paging rule", async () => {
    const all = await ids();
    expect(all).toHaveLength(14);
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => searchCards({ db: t.db, userId: "u", now, page, pageSize: 4 })),
    );
    expect(pages.map((p) => [p.page, p.pages, p.total])).toEqual([
      [1, 4, 14],
      [2, 4, 14],
      [3, 4, 14],
      [4, 4, 14],
    ]);
    expect(pages.flatMap((p) => p.items.map((r) => r.id))).toEqual(all);
    // A page past the last shows the last; a search without a match has one empty page.
    expect(await searchCards({ db: t.db, userId: "u", now, page: 9, pageSize: 4 })).toEqual(
      pages[3],
    );
    expect(await searchCards({ db: t.db, userId: "u", now, query: "nothing", page: 3 })).toEqual({
      items: [],
      page: 1,
      pages: 1,
      pageSize: 50,
      total: 0,
    });
    await expect(searchCards({ db: t.db, userId: "u", now, page: 0 })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
  });

  it("reads the stored faces of the cards asked for, once each, and nothing else", async () => {
    await t.db.card.update({ where: { id: "c5" }, data: { content: '{"front":"x"}' } });
    const faces = await getCardFaces({ db: t.db, cardIds: ["c5", "c5", "no-such-card"] });
    expect([...faces.entries()]).toEqual([
      ["c5", { id: "c5", kind: "basic", content: { front: "x" } }],
    ]);
    expect((await getCardFaces({ db: t.db, cardIds: [] })).size).toBe(0);
  });
});
