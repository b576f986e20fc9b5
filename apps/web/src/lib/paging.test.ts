import { describe, expect, it } from "vitest";
import { listQuery, pageHref, requestedPage } from "./paging";

describe("paging", () => {
  it("reads a positive whole page number from the query, else the first page", () => {
    expect(
      [undefined, "1", "3", "0", "-2", "2.5", "x", "", "1e400", ["2", "3"]].map(requestedPage),
    ).toEqual([1, 1, 3, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("reads a list's search text, trimmed, and no search for a blank, repeated or long one", () => {
    expect(listQuery({ q: "  kim ", page: "2" })).toEqual({ q: "kim", page: 2 });
    for (const q of [undefined, "", "   ", ["a", "b"], "x".repeat(201)]) {
      expect(listQuery({ q }).q).toBeUndefined();
    }
  });

  it("links to a page keeping the rest of the query", () => {
    expect(pageHref("/admin", { q: "kim & lee", page: "1" }, "page", 2)).toBe(
      "/admin?q=kim+%26+lee&page=2",
    );
    expect(pageHref("/admin", { q: undefined }, "page", 1)).toBe("/admin?page=1");
    expect(pageHref("/d", { members: "3", cards: "2", tag: ["a", "b"] }, "cards", 1)).toBe(
      "/d?members=3&tag=a&tag=b&cards=1",
    );
  });
});
