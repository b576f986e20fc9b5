// Card Markdown is untrusted input: links and images must never reach the browser with a scheme
// other than http(s), however it is spelled, and KaTeX must not draw unbounded boxes.
import { describe, expect, it } from "vitest";
import { renderMarkdownToHtml, renderMathInline } from "./render-math.ts";

const hostile = [
  "[x](jav&#9;ascript:alert(1))",
  "[x](jav&#10;ascript:alert(1))",
  "[x](jav&#13;ascript:alert(1))",
  "[x](<\u0001javascript:alert(1)>)",
  "[x](&#32;javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](java&NewLine;script:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](<java\tscript:alert(1)>)",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![i](jav&#9;ascript:alert(1))",
  "![i](jav&#10;ascript:alert(1))",
  "![i](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
  "[x][r]\n\n[r]: jav&#9;ascript:alert(1)",
];

describe("card links and images", () => {
  it.each(hostile)("drops the URL of %j", (markdown) => {
    const html = renderMarkdownToHtml(markdown);
    expect(html).not.toMatch(/href=|src=/);
    expect(html.toLowerCase()).not.toContain("script:");
  });

  it("keeps http(s) and relative URLs, without the characters browsers strip", () => {
    expect(renderMarkdownToHtml("[x](https://a.b/c)")).toContain('href="https://a.b/c"');
    expect(renderMarkdownToHtml("[x](ht&#9;tps://a.b)")).toContain('href="https://a.b"');
    expect(renderMarkdownToHtml("![i](/decks/d/assets/a.png)")).toContain(
      'src="/decks/d/assets/a.png"',
    );
    expect(renderMarkdownToHtml("[x](#top)")).toContain('href="#top"');
  });
});

describe("KaTeX limits", () => {
  it("caps user-given sizes", () => {
    const html = renderMathInline("\\rule{100000em}{100000em}");
    expect(html).not.toMatch(/(width|height)(:|=")100000em/);
    expect(html).toContain("border-right-width:20em");
  });

  it("stops runaway macro expansion with an error, not a hang", () => {
    const html = renderMathInline("\\def\\x{\\x\\x}\\x");
    expect(html).toContain("katex-error");
  });
});
