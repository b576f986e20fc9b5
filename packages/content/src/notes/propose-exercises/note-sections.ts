/**
 * Cuts a note's mdast tree into sections for the exercise proposer: one per heading, and one per
 * pseudo-heading inside it (a list item whose first line is a short label with content nested
 * under it, a bold-only paragraph, a one-line blockquote). Each section keeps its heading path
 * (context) and its own text, prose and math together; what a sub-section holds is not repeated
 * in its parent. One pass over the tree.
 */
import type {
  Blockquote,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Root,
  RootContent,
} from "mdast";
import { contextLabel } from "../line-shapes.ts";

export interface NoteSection {
  /** Heading path, as the note walker shows it on cards. */
  context: string[];
  /** Plain text of the section's own blocks: prose, inline and display math, code. */
  text: string;
  lineStart: number;
  lineEnd: number;
}

export interface NoteSections {
  sections: NoteSection[];
  /** Generators of the fenced `exercise` blocks the author wrote anywhere in the note. */
  explicitGenerators: string[];
}

/** A label longer than this is a statement, not a pseudo-heading. */
const MAX_LABEL_LENGTH = 80;

export interface NoteSectionsOptions {
  /** The note's title (front matter): a heading equal to it is not part of the context. */
  title?: string;
  /**
   * The text the tree was parsed from. Prose is then read from it as written, so that "3 * 3" or
   * "(5*5*3+1)*6" keep the asterisks Markdown would read as emphasis.
   */
  source?: string;
}

export function noteSections(tree: Root, options: NoteSectionsOptions = {}): NoteSections {
  const collector = new SectionCollector(options.title, options.source);
  collector.walkRoot(tree);
  return {
    sections: collector.sections.filter((s) => s.text.trim() !== ""),
    explicitGenerators: collector.generators,
  };
}

class SectionCollector {
  readonly sections: NoteSection[] = [];
  readonly generators: string[] = [];
  private readonly title: string | undefined;

  constructor(
    title: string | undefined,
    private readonly source: string | undefined,
  ) {
    this.title = title?.trim().toLowerCase();
  }

  /** Prose as written in the source (links and images reduced to their text), else plain text. */
  private prose(node: Nodes): string {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (this.source === undefined || from === undefined || to === undefined) return plainText(node);
    return this.source
      .slice(from, to)
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\]\([^)]*\)/g, "]")
      .replace(/<[^>\n]*>/g, " ");
  }

  walkRoot(tree: Root): void {
    const headings: { depth: number; label: string }[] = [];
    let current = this.open([], tree.children[0]);
    let base: string[] = [];
    for (const node of tree.children) {
      if (node.type === "heading") {
        while ((headings.at(-1)?.depth ?? 0) >= node.depth) headings.pop();
        const label = headingLabel(node);
        if (label !== "" && label.toLowerCase() !== this.title)
          headings.push({ depth: node.depth, label });
        base = headings.map((h) => h.label);
        current = this.open(base, node);
        continue;
      }
      current = this.block(node, current, base);
    }
  }

  private open(context: string[], at: Nodes | undefined): NoteSection {
    const line = at?.position?.start.line ?? 1;
    const section: NoteSection = { context, text: "", lineStart: line, lineEnd: line };
    this.sections.push(section);
    return section;
  }

  /**
   * Adds a block to the section and returns the section that later sibling blocks belong to.
   * `base` is the context of the enclosing heading or item: a bold or quoted pseudo-heading
   * starts a section under it, beside earlier pseudo-headings rather than inside them.
   */
  private block(node: RootContent, section: NoteSection, base: string[]): NoteSection {
    switch (node.type) {
      case "list":
        this.list(node, section);
        return section;
      case "paragraph": {
        const label = boldLabel(node);
        if (label !== undefined) return this.open([...base, label], node);
        this.add(section, node, this.prose(node));
        return section;
      }
      case "blockquote": {
        const label = quoteLabel(node);
        if (label !== undefined) return this.open([...base, label], node);
        let inner = section;
        for (const child of node.children) inner = this.block(child, inner, base);
        return section;
      }
      case "code":
        if (node.lang === "exercise") {
          const generator = /^\s*generator\s*:\s*["']?([\w-]+)/m.exec(node.value)?.[1];
          if (generator) this.generators.push(generator);
          return section;
        }
        this.add(section, node, node.value.replace(/\*\*/g, ""));
        return section;
      case "math":
        this.add(section, node, `$$${node.value}$$`);
        return section;
      case "table":
        this.add(section, node, this.prose(node));
        return section;
      default:
        return section;
    }
  }

  private list(node: List, section: NoteSection): void {
    for (const item of node.children) {
      const label = itemLabel(item);
      if (label === undefined) {
        let inner = section;
        for (const child of item.children) inner = this.block(child, inner, section.context);
        continue;
      }
      let sub = this.open([...section.context, label], item);
      this.add(sub, item.children[0]!, this.prose(item.children[0]!));
      const itemBase = sub.context;
      for (const child of item.children.slice(1)) sub = this.block(child, sub, itemBase);
    }
  }

  private add(section: NoteSection, node: Nodes, text: string): void {
    if (text.trim() === "") return;
    section.text += section.text === "" ? text : `\n${text}`;
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start !== undefined && section.text === text)
      section.lineStart = Math.min(section.lineStart, start);
    if (end !== undefined) section.lineEnd = Math.max(section.lineEnd, end);
  }
}

function headingLabel(node: Heading): string {
  return contextLabel(plainText(node).replace(/\\$/, "").trim());
}

/** A list item whose first paragraph is a short label with more content nested under it. */
function itemLabel(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== "paragraph" || item.children.length < 2) return undefined;
  const text = plainText(first).trim();
  if (text === "" || text.length > MAX_LABEL_LENGTH || text.includes("\n")) return undefined;
  // A sentence with points under it is a statement, not a pseudo-heading.
  if (/[.!?。]$|다$/.test(text)) return undefined;
  return contextLabel(text.replace(/[:：]$/, ""));
}

/** A paragraph that is only bold text: "**Inception Block**". */
function boldLabel(node: Paragraph): string | undefined {
  const children = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const only = children[0];
  if (children.length !== 1 || only?.type !== "strong") return undefined;
  const text = plainText(only).trim();
  return text !== "" && text.length <= MAX_LABEL_LENGTH
    ? contextLabel(text.replace(/[:：]$/, ""))
    : undefined;
}

/** A blockquote of one short line with no sentence end, used as a sub-heading ("> Fast R-CNN"). */
function quoteLabel(node: Blockquote): string | undefined {
  const only = node.children[0];
  if (node.children.length !== 1 || only?.type !== "paragraph") return undefined;
  const text = plainText(only).trim();
  if (text === "" || text.length > 40 || text.includes("\n") || /[.!?。:]$|다$/.test(text))
    return undefined;
  if (/\d/.test(text) && /[=×]/.test(text)) return undefined;
  return contextLabel(text);
}

/** Plain text: math as `$TeX$`, images and HTML dropped. */
function plainText(node: Nodes): string {
  if (node.type === "inlineMath") return `$${node.value}$`;
  if (node.type === "math") return `$$${node.value}$$`;
  if (node.type === "image" || node.type === "html") return "";
  if (node.type === "break") return "\n";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) {
    const parts = (node.children as Nodes[]).map(plainText);
    return node.type === "table" || node.type === "tableRow" ? parts.join(" | ") : parts.join("");
  }
  return "";
}
