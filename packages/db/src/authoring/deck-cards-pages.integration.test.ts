// A deck's cards for its authors read a page at a time from a real database (issue 18: a school's deck
// of 1,000 cards was rendered whole): live first in deck order, searchable, each card on one page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../groups/permissions.ts";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import { createDeck, listDeckCardsForAuthor } from "./index.ts";

const now = new Date("2026-04-01T10:00:00Z");
const teacher: Actor = { userId: "teacher", instanceRole: "user" };
const CARDS = 23;

describe(`a deck's cards a page at a time on ${testDbKind()}`, () => {
  let t: TestDb;
  let deckId: string;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.user.create({
      data: { id: "teacher", name: "Teacher", email: "teacher@example.com" },
    });
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
    // Positions in reverse of creation, every third card retired, two cards at one position.
    for (let i = 0; i < CARDS; i++) {
      const n = String(i).padStart(2, "0");
      await t.db.card.create({
        data: {
          id: `c${n}`,
          deckId,
          key: `k${n}`,
          kind: "basic",
          contentHash: n,
          content: "{}",
          searchText: i % 2 ? `odd stride ${n}` : `even padding ${n}`,
          siblingKey: `s${n}`,
          position: i === 1 ? CARDS - 2 : CARDS - i,
          retiredAt: i % 3 === 0 ? new Date(now.getTime() + i * 1000) : null,
        },
      });
    }
  });
  afterAll(async () => t?.destroy());

  const cardsOf = (o: { query?: string; page?: number; pageSize?: number }) =>
    listDeckCardsForAuthor({ db: t.db, actor: teacher, deckId, ...o });

  it("pages a deck's cards live first in deck order, each card once", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => cardsOf({ page, pageSize: 10 })));
    expect(pages.map((p) => [p.page, p.pages, p.total, p.items.length])).toEqual([
      [1, 3, CARDS, 10],
      [2, 3, CARDS, 10],
      [3, 3, CARDS, 3],
    ]);
    const rows = pages.flatMap((p) => p.items);
    expect(new Set(rows.map((c) => c.id)).size).toBe(CARDS);
    const live = rows.filter((c) => c.retiredAt === null);
    expect(rows.slice(0, live.length)).toEqual(live);
    expect(live.map((c) => c.id).slice(0, 3)).toEqual(["c22", "c20", "c19"]);
    // c01 and c02 share a position: the id orders them.
    expect(live.map((c) => c.id).slice(-2)).toEqual(["c01", "c02"]);
  });

  it("shows the last page for a page past it, and one empty page for no match", async () => {
    const past = await cardsOf({ page: 99, pageSize: 10 });
    expect([past.page, past.items.map((c) => c.id)]).toEqual([
      3,
      (await cardsOf({ page: 3, pageSize: 10 })).items.map((c) => c.id),
    ]);
    expect(await cardsOf({ query: "nothing like this" })).toMatchObject({
      items: [],
      page: 1,
      pages: 1,
      total: 0,
    });
  });

  it("pages a search's matches only", async () => {
    const odd = await cardsOf({ query: "stride", pageSize: 5, page: 3 });
    expect(odd.total).toBe(11);
    expect([odd.page, odd.pages, odd.items.length]).toEqual([3, 3, 1]);
    expect(odd.items.every((c) => c.searchText.includes("stride"))).toBe(true);
  });

  it("matches a search literally, ignoring the case of ASCII letters on both databases", async () => {
    const find = async (query: string) =>
      (await cardsOf({ query })).items.map((c) => c.searchText).sort();
    expect(await find("STRIDE 1")).toEqual([
      "odd stride 11",
      "odd stride 13",
      "odd stride 15",
      "odd stride 17",
      "odd stride 19",
    ]);
    expect(await find("%")).toEqual([]);
    expect(await find("_")).toEqual([]);
    expect(await find("stride 0_")).toEqual([]);
    const texts = ["dropout 50% of units", "dropout 500 units", "learning_rate", "C:\\data"];
    for (const [i, searchText] of texts.entries()) {
      await t.db.card.create({
        data: {
          id: `w${i}`,
          deckId,
          key: `w${i}`,
          kind: "basic",
          contentHash: `w${i}`,
          content: "{}",
          searchText,
          siblingKey: `w${i}`,
        },
      });
    }
    expect(await find("0%")).toEqual(["dropout 50% of units"]);
    expect(await find("g_r")).toEqual(["learning_rate"]);
    expect(await find("\\")).toEqual(["C:\\data"]);
    expect(await find("DROPOUT")).toEqual(["dropout 50% of units", "dropout 500 units"]);
    await t.db.card.deleteMany({ where: { id: { in: texts.map((_, i) => `w${i}`) } } });
  });

  it("refuses a page or size that is not a whole number in range", async () => {
    for (const bad of [
      { page: 0 },
      { page: 1.5 },
      { pageSize: 0 },
      { pageSize: 201 },
      { query: "x".repeat(201) },
    ]) {
      await expect(cardsOf(bad)).rejects.toMatchObject({ code: "BAD_INPUT" });
    }
  });
});
