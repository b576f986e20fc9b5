import { describe, expect, it } from "vitest";
import { renderMarkdownToHtml, renderMathInline } from "./render-math.ts";

describe("rendering card Markdown to HTML", () => {
  it("renders inline and display math with KaTeX", () => {
    expect(renderMathInline("3 \\times 3")).toContain('class="katex"');
    expect(renderMathInline("x", { displayMode: true })).toContain("katex-display");
    const html = renderMarkdownToHtml("Why $3 \\times 3$ convolution?");
    expect(html.startsWith('<p>Why <span class="katex">')).toBe(true);
    expect(html.endsWith(" convolution?</p>")).toBe(true);
  });

  it("never throws on invalid TeX", () => {
    expect(renderMathInline("\\frac{")).toContain("katex-error");
  });

  it("escapes raw HTML and drops unsafe links, keeps Korean", () => {
    expect(renderMarkdownToHtml("<script>alert(1)</script> 합성곱")).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; 합성곱",
    );
    expect(renderMarkdownToHtml("[x](javascript:alert(1))")).toBe("<p>x</p>");
    expect(renderMarkdownToHtml("[x](https://a.b)")).toBe(
      '<p><a href="https://a.b" rel="noopener noreferrer">x</a></p>',
    );
  });

  it("renders lists, emphasis and revealed clozes", () => {
    expect(renderMarkdownToHtml("- **VGG**\n- ResNet")).toBe(
      "<ul><li><strong>VGG</strong></li><li>ResNet</li></ul>",
    );
    expect(renderMarkdownToHtml("Pooling은 ==spatial size==를 줄인다")).toBe(
      "<p>Pooling은 <mark>spatial size</mark>를 줄인다</p>",
    );
  });
});

describe("revealed clozes whose answer holds math", () => {
  it("renders ==$g*f$== as one mark around KaTeX, without the raw markers", () => {
    const html = renderMarkdownToHtml("Convolution is ==$g * f$== here.");
    expect(html).not.toContain("==");
    expect(html.startsWith('<p>Convolution is <mark><span class="katex">')).toBe(true);
    expect(html.endsWith("</span></mark> here.</p>")).toBe(true);
  });

  it("keeps text around and handles two highlights in one line", () => {
    const html = renderMarkdownToHtml("==$a$== and ==**b**== and ==c==");
    expect(html.match(/<mark>/g)).toHaveLength(3);
    expect(html).toContain("<mark><strong>b</strong></mark>");
    expect(html).toContain("<mark>c</mark>");
    expect(html).not.toContain("==");
  });

  it("leaves a lone == (code-like text) alone", () => {
    expect(renderMarkdownToHtml("if a == $b$ then")).toContain("a == <span");
  });
});
