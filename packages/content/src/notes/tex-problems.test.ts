import { describe, expect, it } from "vitest";
import { renderMathInline } from "./render-math.ts";
import { findTexProblems, texProblemOf } from "./tex-problems.ts";

describe("a TeX fragment's problem, in parts a page can translate", () => {
  it("names an unknown command and the character where it starts", () => {
    expect(texProblemOf("a + \\fraq{1}{2}")).toMatchObject({
      reason: "undefined-command",
      subject: "\\fraq",
      position: 5,
      atEnd: false,
    });
  });

  it("says what is missing when the fragment ends too early", () => {
    expect(texProblemOf("{a")).toMatchObject({ reason: "ends-early", subject: "}", atEnd: true });
    expect(texProblemOf("\\frac{1}")).toMatchObject({ reason: "ends-early", subject: "}" });
    expect(texProblemOf("\\sqrt")).toMatchObject({ reason: "missing-argument", subject: "\\sqrt" });
  });

  it("names a token that cannot stand where it is, and double scripts", () => {
    expect(texProblemOf("a}")).toMatchObject({ reason: "not-here", subject: "}", position: 2 });
    expect(texProblemOf("x^a^b")).toMatchObject({ reason: "double-superscript", position: 4 });
    expect(texProblemOf("x_a_b")?.reason).toBe("double-subscript");
    expect(texProblemOf("\\begin{foo}x\\end{foo}")).toMatchObject({
      reason: "unknown-environment",
      subject: "foo",
    });
  });

  it("keeps KaTeX's English message aside, and is undefined for valid TeX", () => {
    expect(texProblemOf("\\def\\x{\\x\\x}\\x")).toMatchObject({ reason: "other" });
    expect(texProblemOf("\\def\\x{\\x\\x}\\x")?.message).toMatch(/^KaTeX parse error/);
    expect(texProblemOf("\\frac{a}{b}")).toBeUndefined();
  });

  it("finds every invalid fragment of card Markdown, inline and display", () => {
    const found = findTexProblems("ok $x^2$, bad $\\fraq$ and\n\n$$\n{a\n$$\n");
    expect(found.map((p) => [p.tex, p.displayMode, p.reason])).toEqual([
      ["\\fraq", false, "undefined-command"],
      ["{a", true, "ends-early"],
    ]);
  });

  it("renders invalid TeX without KaTeX's English message", () => {
    const html = renderMathInline("\\fraq{1}{2}");
    expect(html).toBe('<span class="katex-error">\\fraq{1}{2}</span>');
    expect(html).not.toMatch(/parse error|Undefined/i);
  });
});
