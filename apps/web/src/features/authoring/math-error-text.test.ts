import { texProblemOf } from "@strides/content";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en/index.ts";
import ko from "../../messages/ko/index.ts";
import { mathErrorText, mathInvalidText } from "./math-error-text.ts";

const say = (locale: "en" | "ko", tex: string) => {
  const t = createTranslator({
    locale,
    messages: locale === "ko" ? ko : en,
    namespace: "mathError",
  });
  const problem = texProblemOf(tex);
  if (!problem) throw new Error(`${tex} is valid`);
  return mathErrorText(
    problem,
    t as (key: string, values?: Record<string, string | number>) => string,
  );
};

describe("a math error in the page's language", () => {
  it("in Korean: the position and the reason, no KaTeX English", () => {
    expect(say("ko", "a + \\fraq{1}{2}")).toBe(
      "수식 오류: “a + \\fraq{1}{2}”의 5번째 글자 — KaTeX가 모르는 명령입니다: \\fraq",
    );
    expect(say("ko", "{a")).toBe("수식 오류: “{a”의 끝 — } 없이 수식이 끝났습니다.");
    for (const tex of ["x^a^b", "a}", "\\sqrt", "\\def\\x{\\x\\x}\\x", "\\begin{foo}x\\end{foo}"]) {
      const text = say("ko", tex);
      expect(text).toMatch(/^수식 오류: /);
      expect(text).not.toMatch(/KaTeX parse|Expected|Undefined|Double|position/);
    }
  });

  it("in English: the same parts in English words", () => {
    expect(say("en", "x^a^b")).toBe(
      "Math error at character 4 of “x^a^b”: two superscripts (^) in a row; group them with braces.",
    );
    expect(say("en", "\\sqrt")).toBe(
      "Math error at the end of “\\sqrt”: \\sqrt needs an argument in braces.",
    );
  });
});

describe("a save refused for its math", () => {
  it("names the field, then the problem in the page's language", () => {
    const t = createTranslator({ locale: "ko", messages: ko, namespace: "mathError" }) as (
      key: string,
      values?: Record<string, string | number>,
    ) => string;
    expect(mathInvalidText({ field: "back", tex: "{a", display: 1, problem: "…" }, "뒷면", t)).toBe(
      "뒷면: 수식 오류: “{a”의 끝 — } 없이 수식이 끝났습니다.",
    );
    // An error of an older server (no fragment): the caller keeps its own text.
    expect(mathInvalidText({ field: "back", problem: "…" }, "뒷면", t)).toBeNull();
  });
});
