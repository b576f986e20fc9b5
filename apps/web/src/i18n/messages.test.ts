import { describe, expect, it } from "vitest";
import en from "../messages/en/index.ts";
import ko from "../messages/ko/index.ts";

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("interface messages", () => {
  it("Korean and English have the same keys", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });
});
