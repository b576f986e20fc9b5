/**
 * A note's Markdown text together with its mdast tree positions, and helpers that cut card text
 * out of it. Card text keeps the author's Markdown (math as `$…$`, emphasis) rather than a
 * re-serialisation, with `<br>` tags removed, missing images replaced by their alt text and
 * `^anchors` stripped.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, RootContent } from "mdast";
import type { LineShape } from "./line-shapes.ts";

export interface NoteSource {
  /** The text the tree was parsed from (the whole note, or a re-read block of it). */
  text: string;
  /** Added to tree line numbers to get note line numbers. */
  lineOffset: number;
  /** Image nodes whose file does not exist. */
  missingImages: WeakSet<object>;
}

export function startLine(node: Nodes, src: NoteSource): number {
  return (node.position?.start.line ?? 1) + src.lineOffset;
}

export function endLine(node: Nodes, src: NoteSource): number {
  return (node.position?.end.line ?? 1) + src.lineOffset;
}

/** `^anchor` at the end of a line pins a card's id (Obsidian block reference syntax). */
export const ANCHOR_AT_LINE_END = /\s\^([A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*$/;

/** Finds the first `^anchor` in a text and returns the text without it. */
export function takeAnchor(text: string): { text: string; anchor?: string } {
  const lines = text.split("\n");
  let anchor: string | undefined;
  const kept = lines.map((line) => {
    const match = ANCHOR_AT_LINE_END.exec(line);
    if (!match) return line;
    anchor ??= match[1];
    return line.slice(0, match.index).trimEnd();
  });
  return anchor === undefined ? { text } : { text: kept.join("\n"), anchor };
}

/** Stands in for every visible character of inline code and math in a masked text. */
export const MASK = "\uE000";

/**
 * Markdown of a phrasing container (paragraph, heading), cleaned for display on a card. With
 * `mask`, inline code and math have every non-space character replaced by `MASK`, giving a text
 * of the same layout in which syntax inside code and math cannot be mistaken for card syntax.
 */
export function inlineMarkdown(node: Parent, src: NoteSource, mask = false): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  const edits: { from: number; to: number; text: string }[] = [];
  collectInlineEdits(node.children as PhrasingContent[], src, edits, mask);
  // An edited node's children get no edits of their own, so edits never overlap: build the text
  // in one pass from left to right rather than re-slicing it once per edit.
  edits.sort((a, b) => a.from - b.from);
  let raw = "";
  let at = start;
  for (const edit of edits) {
    raw += src.text.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  raw += src.text.slice(at, end);
  // A paragraph inside a quote or callout: its source lines after the first start with `>`.
  return raw
    .split("\n")
    .map((line, i) =>
      i === 0
        ? line.trim()
        : line
            .trim()
            .replace(/^(?:>[ \t]?)+/, "")
            .trim(),
    )
    .filter((line) => line !== "")
    .join("\n");
}

/** A paragraph's card text and its `codeMasked` twin (see `inlineMarkdown`), whole and line by line. */
export interface ParagraphText extends LineShape {
  lines: LineShape[];
  /** The lines joined with spaces: the paragraph read as one line. */
  joined: LineShape;
}

/**
 * The text of each paragraph, cut out of the source once per import: the walker reads an item's
 * title several times (for explicit syntax, for its shape, as a child of its parent's card).
 * A paragraph node belongs to one tree, so the node alone is the key. Read texts only after
 * `checkNoteContent` has marked the missing images.
 */
export class ParagraphTexts {
  private readonly memo = new WeakMap<Paragraph, ParagraphText>();

  get(node: Paragraph, src: NoteSource): ParagraphText {
    let text = this.memo.get(node);
    if (text === undefined) {
      const markdown = inlineMarkdown(node, src);
      const codeMasked = inlineMarkdown(node, src, true);
      const maskedLines = codeMasked.split("\n");
      const lines = markdown
        .split("\n")
        .map((line, i) => ({ markdown: line, codeMasked: maskedLines[i] ?? line }));
      const joined = {
        markdown: lines.map((l) => l.markdown).join(" "),
        codeMasked: lines.map((l) => l.codeMasked).join(" "),
      };
      text = { markdown, codeMasked, lines, joined };
      this.memo.set(node, text);
    }
    return text;
  }

  /** Reads a paragraph as `rewrite` gives it, for the rest of the walk (a same-length edit). */
  rewrite(node: Paragraph, src: NoteSource, rewrite: (line: string) => string): void {
    const text = this.get(node, src);
    const lines = text.lines.map((l) => ({
      markdown: rewrite(l.markdown),
      codeMasked: rewrite(l.codeMasked),
    }));
    this.memo.set(node, {
      markdown: lines.map((l) => l.markdown).join("\n"),
      codeMasked: lines.map((l) => l.codeMasked).join("\n"),
      lines,
      joined: {
        markdown: lines.map((l) => l.markdown).join(" "),
        codeMasked: lines.map((l) => l.codeMasked).join(" "),
      },
    });
  }
}

function collectInlineEdits(
  children: PhrasingContent[],
  src: NoteSource,
  edits: { from: number; to: number; text: string }[],
  mask: boolean,
): void {
  for (const child of children) {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (from === undefined || to === undefined) continue;
    if (mask && (child.type === "inlineCode" || child.type === "inlineMath")) {
      edits.push({ from, to, text: src.text.slice(from, to).replace(/\S/g, MASK) });
    } else if (child.type === "emphasis" && multiplication(src.text, from, to)) {
      // `3*3*64*128`: CommonMark reads `*3*` as emphasis; the author meant multiplication.
      edits.push({ from, to, text: src.text.slice(from, to).replace(/\*/g, "\\*") });
    } else if (child.type === "footnoteReference") {
      // `[^1]`: a pointer to a footnote at the end of the note, noise on a card.
      edits.push({ from, to, text: "" });
    } else if (child.type === "html") {
      edits.push({ from, to, text: /^<br\s*\/?>$/i.test(child.value.trim()) ? " " : "" });
    } else if (child.type === "image" && src.missingImages.has(child)) {
      edits.push({ from, to, text: `_(image: ${child.alt || child.url})_` });
    } else if ("children" in child) {
      collectInlineEdits(child.children as PhrasingContent[], src, edits, mask);
    }
  }
}

/** Plain text of a node: math kept as its TeX source, Markdown syntax dropped. */
export function plainText(node: Nodes): string {
  if (node.type === "inlineMath" || node.type === "math") return `$${node.value}$`;
  if (node.type === "image") return node.alt ?? "";
  if (node.type === "html") return "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** True when a paragraph holds only images (and whitespace or line breaks). */
export function isImageOnly(node: Nodes): boolean {
  if (node.type !== "paragraph") return false;
  let images = 0;
  for (const child of node.children) {
    if (child.type === "image") images++;
    else if (child.type === "html" || (child.type === "text" && child.value.trim() === "")) {
    } else return false;
  }
  return images > 0;
}

/** Markdown of a block node, for the back of a card. */
export function blockMarkdown(node: RootContent, src: NoteSource): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return takeAnchor(inlineMarkdown(node, src)).text;
    case "math":
      return `$$\n${node.value}\n$$`;
    case "code":
      return `\`\`\`${node.lang ?? ""}\n${node.value}\n\`\`\``;
    case "list":
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}.` : "-";
          const body = item.children
            .map((child) => blockMarkdown(child, src))
            .filter((part) => part !== "")
            .join("\n");
          return `${marker} ${body.split("\n").join(`\n${" ".repeat(marker.length + 1)}`)}`;
        })
        .join("\n");
    case "blockquote":
      return node.children
        .map((child) => blockMarkdown(child, src))
        .join("\n")
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n");
    default:
      return "";
  }
}

/**
 * An emphasis written with `*` inside a word or number (`3*3*64`, `H*W*C`): the characters
 * around it are letters, digits or brackets, where emphasis would be set off by spaces.
 */
function multiplication(text: string, from: number, to: number): boolean {
  if (text[from] !== "*" || text[to - 1] !== "*") return false;
  const before = text[from - 1] ?? "";
  const after = text[to] ?? "";
  return /[\p{L}\p{N})\]]/u.test(before) && /[\p{L}\p{N}([]/u.test(after);
}
