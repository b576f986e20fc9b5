import { describe, expect, it } from "vitest";
import { exerciseLangOf } from "./exercise-lang.ts";

describe("the exercise language", () => {
  it("follows the page's language first", () => {
    expect(exerciseLangOf("en", { lang: "ko" })).toBe("ko");
  });
  it("then the saved language, then the browser's, then English", () => {
    expect(exerciseLangOf("en", { browserLang: "ko" })).toBe("en");
    expect(exerciseLangOf(null, { browserLang: "ko" })).toBe("ko");
    expect(exerciseLangOf(null, {})).toBe("en");
  });
});
