import { describe, expect, it } from "vitest";
import { clampPage, pageCount, pageSlice, readCountedPage, readPage } from "./paging.ts";

describe("paging", () => {
  it("counts at least one page and clamps a page into them", () => {
    expect([0, 1, 50, 51, 301].map((n) => pageCount(n, 50))).toEqual([1, 1, 1, 2, 7]);
    expect([-3, 0, 1, 4, 7, 9, 2.7].map((p) => clampPage(p, 7))).toEqual([1, 1, 1, 4, 7, 7, 2]);
  });

  it("slices a page and clamps a page past the last to the last", () => {
    const members = Array.from({ length: 301 }, (_, i) => i);
    expect(pageSlice(members, 1, 50)).toMatchObject({ page: 1, pages: 7, total: 301 });
    expect(pageSlice(members, 2, 50).items).toEqual(members.slice(50, 100));
    expect(pageSlice(members, 7, 50).items).toEqual([300]);
    expect(pageSlice(members, 9, 50)).toMatchObject({ page: 7, items: [300] });
    expect(pageSlice([], 1, 50)).toEqual({ items: [], page: 1, pages: 1, pageSize: 50, total: 0 });
  });

  it("reads the requested window, and the last page again only for a page past it", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    const windows: { skip: number; take: number }[] = [];
    const read = async (w: { skip: number; take: number }) => {
      windows.push(w);
      return rows.slice(w.skip, w.skip + w.take);
    };
    const count = async () => rows.length;
    expect(await readPage({ page: 2 }, count, read)).toMatchObject({ page: 2, pages: 3 });
    expect(windows).toEqual([{ skip: 50, take: 50 }]);
    windows.length = 0;
    const past = await readPage({ page: 5 }, count, read);
    expect([past.page, past.items]).toEqual([3, rows.slice(100)]);
    expect(windows).toEqual([
      { skip: 200, take: 50 },
      { skip: 100, take: 50 },
    ]);
  });

  it("reads a counted window the same way: the last page again only for a page past it", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    const windows: { skip: number; take: number }[] = [];
    const read = async (w: { skip: number; take: number }) => {
      windows.push(w);
      return { total: rows.length, items: rows.slice(w.skip, w.skip + w.take) };
    };
    expect(await readCountedPage({ page: 3 }, read)).toMatchObject({ page: 3, pages: 3 });
    expect(windows).toEqual([{ skip: 100, take: 50 }]);
    windows.length = 0;
    const past = await readCountedPage({ page: 9, pageSize: 100 }, read);
    expect(past).toEqual({ items: rows.slice(100), page: 2, pages: 2, pageSize: 100, total: 120 });
    expect(windows).toEqual([
      { skip: 800, take: 100 },
      { skip: 100, take: 100 },
    ]);
    const empty = await readCountedPage({ page: 4 }, async () => ({ total: 0, items: [] }));
    expect(empty).toEqual({ items: [], page: 1, pages: 1, pageSize: 50, total: 0 });
  });

  it("refuses a page or a size out of range with BAD_INPUT", async () => {
    const read = async () => [];
    const count = async () => 0;
    for (const bad of [{ page: 0 }, { page: 1.5 }, { pageSize: 0 }, { pageSize: 201 }]) {
      await expect(readPage(bad, count, read)).rejects.toMatchObject({ code: "BAD_INPUT" });
      await expect(
        readCountedPage(bad, async () => ({ total: 0, items: [] })),
      ).rejects.toMatchObject({ code: "BAD_INPUT" });
    }
  });
});
