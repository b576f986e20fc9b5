import { describe, expect, it } from "vitest";
import { normalizeDeckPath } from "./normalize-deck-path.ts";

describe("deck file paths", () => {
  it("normalises relative paths", () => {
    expect(normalizeDeckPath("notes/a.md")).toBe("notes/a.md");
    expect(normalizeDeckPath("./notes/./a.md")).toBe("notes/a.md");
    expect(normalizeDeckPath("notes\\img\\a.png")).toBe("notes/img/a.png");
    expect(normalizeDeckPath("합성곱.md")).toBe("합성곱.md");
  });

  it.each([
    "../../x.md",
    "notes/../../x.md",
    "..\\x.md",
    "/etc/passwd.md",
    "\\\\server\\x.md",
    "C:\\x.md",
    "a//b.md",
    "a/\u0000.md",
    "",
    `${"a/".repeat(200)}x.md`,
  ])("refuses %j naming it", (path) => {
    expect(() => normalizeDeckPath(path)).toThrow(
      expect.objectContaining({ code: "BAD_INPUT", file: path }),
    );
  });
});
