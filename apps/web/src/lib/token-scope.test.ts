import { describe, expect, it } from "vitest";
import { requireTokenScope, tokenScopeAllows } from "./token-scope";

describe("API token scopes", () => {
  it("lets a review token use the JSON API and deck images only", () => {
    for (const p of [
      "/api/v1/reviews",
      "/api/v1/review/next",
      "/api/v1/cards/c1",
      "/decks/d/assets/a.png",
    ]) {
      expect(tokenScopeAllows("review", p)).toBe(true);
    }
    for (const p of [
      "/admin/backup",
      "/settings/account/export",
      "/decks/d/import/publish",
      "/groups/g/dashboard/members.csv",
      "/api/v1",
      "/api/v10/x",
    ]) {
      expect(tokenScopeAllows("review", p)).toBe(false);
    }
    expect(() => requireTokenScope("review", "/admin/backup")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });

  it("lets an admin token use every route (its owner's permissions still apply)", () => {
    expect(tokenScopeAllows("admin", "/admin/backup")).toBe(true);
    expect(tokenScopeAllows("admin", "/settings/account/export")).toBe(true);
  });
});
