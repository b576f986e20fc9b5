import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  markdownWithGfm,
  markdownWithoutGfm,
  mayHoldGfm,
  parseMarkdown,
} from "./markdown-parser.ts";

/** Markdown syntax (and near misses of GFM syntax) that holds no GFM trigger on its own. */
const fragment = fc.constantFrom(
  "---\n",
  "title: x\n",
  "# Heading\n",
  "## 여러가지 CNN\n",
  "* ",
  "- ",
  "+ ",
  "1. ",
  "2) ",
  "    ",
  "        ",
  "\t",
  "> ",
  "```\n",
  "```exercise\n",
  "***\n",
  "___\n",
  "**bold**",
  "__b__",
  "*",
  "_",
  "`code`",
  "$x_1$",
  "$$\n",
  "\\frac{a}{b}",
  "\\",
  "![img](./a.png)",
  "[link](./b.md)",
  "[ref]\n\n[ref]: ./c.md\n",
  "[a]",
  "[",
  "]",
  "<br/>",
  "<div>\n",
  ":",
  "-",
  "--",
  " : ",
  "::",
  "==>",
  "{{c1::x}}",
  "==hi==",
  "?\n",
  "ww.",
  "htt",
  "w",
  "h",
  "a b",
  "a\n",
  "\n",
  "\n\n",
  "\r\n",
  " ",
  "합성곱",
);
/** GFM syntax, each piece with a trigger of its own. */
const gfmFragment = fc.constantFrom(
  "a\n:-\n",
  "| a | b |\n| - | - |\n",
  "~~gone~~",
  "www.example.com",
  "http://example.com",
  "mail a@b.co",
  "a&#64;b.co",
  "&#119;ww.example.com",
  "x[^1]",
  "[^1]: note\n",
  "- [ ] todo\n",
  "* [x] done\n",
  "- [\n  ] odd\n",
);
/** Mostly text without GFM, sometimes with one piece of it: the trigger must catch every piece. */
const noteText = fc
  .array(
    fc.oneof(
      { weight: 20, arbitrary: fragment },
      { weight: 20, arbitrary: fc.string({ maxLength: 6 }).map((s) => s.replace(/[@&~|]/g, "")) },
      { weight: 1, arbitrary: gfmFragment },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("parseMarkdown", () => {
  it("gives the same tree without remark-gfm when the text has no GFM trigger", () => {
    fc.assert(
      fc.property(noteText, (text) => {
        if (mayHoldGfm(text)) return;
        expect(markdownWithoutGfm.parse(text)).toEqual(markdownWithGfm.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["a table", "a\n:-"],
    ["a right-aligned table", "a\n-:"],
    ["a table with pipes", "| a |\n| - |"],
    ["strikethrough", "~~gone~~"],
    ["a www autolink", "see WWW.example.com"],
    ["a protocol autolink", "HTTPS://example.com"],
    ["an email autolink", "mail a@b.co"],
    ["an autolink made by a character reference", "&#119;ww.example.com"],
    ["an autolink made by an escape", "www\\.example.com"],
    ["a footnote", "x[^1]\n\n[^1]: note"],
    ["a footnote in image syntax", "![^1]\n\n[^1]: note"],
    ["a task list item", "- [ ] todo"],
    ["a checked task list item", "- [X] done"],
    ["a task check split by a line ending", "* [\n  ] odd"],
  ])("parses %s with GFM", (_, text) => {
    expect(mayHoldGfm(text)).toBe(true);
    expect(markdownWithoutGfm.parse(text)).not.toEqual(markdownWithGfm.parse(text));
    expect(parseMarkdown(text)).toEqual(markdownWithGfm.parse(text));
  });
});
