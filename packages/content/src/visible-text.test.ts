import { describe, expect, it } from "vitest";
import { parseOrThrow } from "./errors.ts";
import { zVisibleName } from "./visible-text.ts";

describe("zVisibleName", () => {
  const name = zVisibleName(20);
  it("keeps names in any script, emoji included, trimmed", () => {
    expect(name.parse("  딥러닝 스터디 🚀 ")).toBe("딥러닝 스터디 🚀");
    expect(name.parse("CNN — week 3")).toBe("CNN — week 3");
  });

  it("refuses control and invisible characters, naming the field", () => {
    for (const bad of ["adm\u202eni", "ad\u200bmin", "a\u0000b", "two\nlines", "b\ufeffom"]) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(() => parseOrThrow(name, bad, "name")).toThrow(
        expect.objectContaining({ key: "hiddenCharacters", params: { field: "name" } }),
      );
    }
  });

  it("refuses a blank name and one too long", () => {
    expect(name.safeParse("   ").success).toBe(false);
    expect(name.safeParse("x".repeat(21)).success).toBe(false);
  });
});
