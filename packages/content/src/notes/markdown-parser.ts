/**
 * The Markdown parser for notes and card text: unified/remark with remark-frontmatter, remark-math
 * and remark-gfm, so that structure and positions come from a real Markdown parser.
 *
 * GFM makes parsing slower even where a note uses none of it (by about 40% for the seed note: its
 * autolink literals are tried at every letter and digit, then searched for again in every text
 * node). Each piece of GFM syntax needs certain characters, so text without any of them is parsed
 * without remark-gfm, which gives the same tree (markdown-parser.test.ts checks both).
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import { unified } from "unified";

const remark = () => unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkMath);
export const markdownWithGfm = remark().use(remarkGfm).freeze();
export const markdownWithoutGfm = remark().freeze();

/**
 * Matches wherever GFM syntax could start:
 * - autolink literals need `@`, `www` or `http` (any case) in the source, or a character
 *   reference (`&…;`) that puts one of them into the text;
 * - strikethrough needs `~`;
 * - a table needs a delimiter row, which holds `|`, `:-` or `-:`;
 * - footnotes need `[^`;
 * - a task list item needs `[` followed by a space, tab, line ending, `x` or `X`.
 */
const GFM_TRIGGER = /[@&~|]|www|http|:-|-:|\[\^|\[[\sxX]/i;

/** True when the text may hold GFM syntax, false when it certainly holds none. */
export function mayHoldGfm(text: string): boolean {
  return GFM_TRIGGER.test(text);
}

export function parseMarkdown(text: string): Root {
  return (mayHoldGfm(text) ? markdownWithGfm : markdownWithoutGfm).parse(text);
}
