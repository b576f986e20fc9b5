import { describe, expect, it } from "vitest";
import { pageOf, requestedPage } from "./paging";

describe("paging", () => {
  it("reads a positive whole page number from the query, else the first page", () => {
    expect([undefined, "1", "3", "0", "-2", "2.5", "x", ""].map(requestedPage)).toEqual([
      1, 1, 3, 1, 1, 1, 1, 1,
    ]);
  });

  it("slices a page and clamps a page past the last to the last", () => {
    const members = Array.from({ length: 301 }, (_, i) => i);
    expect(pageOf(members, 1, 50)).toMatchObject({ page: 1, pages: 7 });
    expect(pageOf(members, 2, 50).items).toEqual(members.slice(50, 100));
    expect(pageOf(members, 7, 50).items).toEqual([300]);
    expect(pageOf(members, 9, 50)).toMatchObject({ page: 7, items: [300] });
    expect(pageOf([], 1, 50)).toEqual({ items: [], page: 1, pages: 1 });
  });
});
