import { describe, expect, it } from "vitest";
import { issueText } from "./issue-text.ts";

const issue = {
  file: "broken.md",
  line: 5,
  code: "math-invalid",
  message: `invalid math "\\frac{1}": Expected group after '\\frac' at end of input`,
};

describe("an import issue's text", () => {
  it("on a Korean page: the Korean text alone, without the parser's English detail", () => {
    expect(issueText(issue, "ko", "수식(KaTeX)이 올바르지 않습니다.")).toEqual({
      text: "수식(KaTeX)이 올바르지 않습니다.",
      detail: null,
    });
  });

  it("on an English page: our text, then the parser's detail", () => {
    expect(issueText(issue, "en", "Invalid math (KaTeX).")).toEqual({
      text: "Invalid math (KaTeX).",
      detail: issue.message,
    });
  });

  it("a code without a text of ours: the parser's message, in either language", () => {
    for (const locale of ["ko", "en"]) {
      expect(issueText({ ...issue, code: "new-code" }, locale, null)).toEqual({
        text: issue.message,
        detail: null,
      });
    }
  });
});
