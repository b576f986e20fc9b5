/**
 * Walks a note's mdast tree and finds cards: explicit authoring syntax wherever it is written, and
 * cards extracted from plain structure (question arrows, `term : explanation`, label bullets with
 * children, key-takeaway lists, sections that only list names). Extraction is conservative: what
 * it cannot turn into a self-contained card is reported as skipped, with the reason.
 *
 * This file walks the blocks under headings; list-walker.ts walks list items, card-collector.ts
 * holds what is found and block-shapes.ts recognises the shapes of blocks and items.
 */
import type { Code, Heading, List, Paragraph, Root, RootContent } from "mdast";
import { boldLabel, isFenced, leafName, looksLikeProse, MAX_RECALL_ITEMS } from "./block-shapes.ts";
import { CardCollector } from "./card-collector.ts";
import { readExerciseBlock } from "./exercise-block.ts";
import { readExplicitCards } from "./explicit-cards.ts";
import { contextLabel, introducesList } from "./line-shapes.ts";
import { ListWalker } from "./list-walker.ts";
import {
  endLine,
  isImageOnly,
  type NoteSource,
  plainText,
  startLine,
  takeAnchor,
} from "./markdown-source.ts";

export interface WalkerHooks {
  /** Parses a block of text that was indented like code but reads as prose. */
  reparse(text: string, lineOffset: number): { tree: Root; src: NoteSource };
}

/** A place where plain statements collect, to become one "Explain: label" card. */
interface Scope {
  label?: string;
  context: string[];
  statements: { markdown: string; line: number }[];
}

export class NoteWalker extends CardCollector {
  private headings: { depth: number; label: string }[] = [];
  private readonly lists = new ListWalker(this);
  /** The note's title, normalized: a heading equal to it is not shown as context. */
  private readonly title: string | undefined;

  constructor(
    private readonly hooks: WalkerHooks,
    /** The note's title (front matter). */
    title: string | undefined,
  ) {
    super();
    this.title = title === undefined ? undefined : normalize(title);
  }

  walkRoot(tree: Root, src: NoteSource): void {
    this.walkBlocks(tree.children, src, [], true);
  }

  /** Context for blocks directly under the current headings. */
  private headingContext(): string[] {
    return this.headings.map((h) => h.label);
  }

  private walkBlocks(
    blocks: RootContent[],
    src: NoteSource,
    baseContext: string[],
    topLevel: boolean,
  ): void {
    let scope: Scope = { context: baseContext, statements: [] };
    if (topLevel) scope = { context: this.headingContext(), statements: [] };
    const consumedLists = new WeakSet<List>();
    const introLists = new WeakSet<List>();
    for (let i = 0; i < blocks.length; i++) {
      const node = blocks[i];
      if (!node) continue;
      const next = blocks[i + 1];
      if (node.type === "heading" && topLevel) {
        this.closeScope(scope);
        this.enterHeading(node, src);
        const label = this.headings[this.headings.length - 1]?.label;
        scope = { context: this.headingContext(), statements: [] };
        if (label !== undefined && this.isContextHeading(node, src)) scope.label = label;
        this.sectionOfNames(blocks, i, src, consumedLists);
        continue;
      }
      switch (node.type) {
        case "heading": {
          // A heading inside a re-read block acts like a bold label.
          this.closeScope(scope);
          const label = contextLabel(plainText(node));
          scope = { label, context: [...baseContext, label], statements: [] };
          break;
        }
        case "paragraph": {
          const bold = boldLabel(node);
          if (bold !== undefined) {
            this.closeScope(scope);
            const context = [...(topLevel ? this.headingContext() : baseContext)];
            scope = { label: bold, context: [...context, contextLabel(bold)], statements: [] };
            break;
          }
          const list = next?.type === "list" ? next : undefined;
          if (this.paragraph(node, src, scope, list) && list) introLists.add(list);
          break;
        }
        case "list":
          if (consumedLists.has(node)) this.lists.walkList(node, src, scope.context, 1, "consumed");
          else if (introLists.has(node)) {
            for (const item of node.children) {
              const mode = item.children.length > 1 ? "title-used" : "consumed";
              this.lists.walkItem(item, src, scope.context, 1, mode);
            }
          } else this.lists.walkList(node, src, scope.context, 1, "extract");
          break;
        case "code":
          this.code(node, src, scope.context, true);
          break;
        case "math":
          scope.statements.push({ markdown: `$$\n${node.value}\n$$`, line: startLine(node, src) });
          break;
        case "blockquote":
          this.walkBlocks(node.children, src, scope.context, false);
          break;
        default:
          break;
      }
    }
    this.closeScope(scope);
  }

  private enterHeading(node: Heading, src: NoteSource): void {
    while ((this.headings[this.headings.length - 1]?.depth ?? 0) >= node.depth) this.headings.pop();
    if (this.isContextHeading(node, src)) {
      this.headings.push({ depth: node.depth, label: contextLabel(plainText(node)) });
    }
  }

  private isContextHeading(node: Heading, _src: NoteSource): boolean {
    const text = plainText(node).trim();
    if (text === "") return false;
    return this.title === undefined || normalize(text) !== this.title;
  }

  /** A section that holds only a list of names becomes one list-recall card. */
  private sectionOfNames(
    blocks: RootContent[],
    headingIndex: number,
    src: NoteSource,
    consumed: WeakSet<List>,
  ): void {
    const heading = blocks[headingIndex];
    if (heading?.type !== "heading") return;
    const label = this.headings[this.headings.length - 1]?.label;
    if (label === undefined || !this.isContextHeading(heading, src)) return;
    const content: RootContent[] = [];
    for (let j = headingIndex + 1; j < blocks.length; j++) {
      const b = blocks[j];
      if (!b || b.type === "heading") break;
      if (b.type === "thematicBreak" || b.type === "html") continue;
      content.push(b);
    }
    const list = content[0];
    if (content.length !== 1 || list?.type !== "list") return;
    const names = list.children.map((item) => leafName(item, src, this.texts));
    if (names.length < 2 || names.length > MAX_RECALL_ITEMS * 2) return;
    if (names.some((n) => n === undefined)) return;
    consumed.add(list);
    this.drafts.push({
      kind: "listRecall",
      front: `${label}: name all ${names.length}`,
      items: names.map((n) => ({ text: n ?? "" })),
      ordered: list.ordered === true,
      idFront: `${label}: names`,
      lineStart: startLine(heading, src),
      lineEnd: endLine(list, src),
      context: this.headingContext(),
      siblingKey: `L${startLine(heading, src)}`,
      origin: "extracted",
    });
  }

  private closeScope(scope: Scope): void {
    if (scope.statements.length === 0) return;
    const first = scope.statements[0];
    const last = scope.statements[scope.statements.length - 1];
    if (scope.label !== undefined && first && last) {
      this.drafts.push({
        kind: "basic",
        front: `Explain: ${scope.label}`,
        back: scope.statements.map((s) => s.markdown).join("\n\n"),
        direction: "forward",
        idFront: `Explain: ${scope.label}`,
        lineStart: first.line,
        lineEnd: last.line,
        context: scope.context,
        siblingKey: `L${first.line}`,
        origin: "extracted",
      });
    } else {
      for (const s of scope.statements) {
        this.skip(
          s.line,
          s.markdown,
          "plain-statement",
          "a statement with no heading or label to ask about",
        );
      }
    }
    scope.statements = [];
  }

  /** Returns true when the paragraph introduced the list that follows it (and made a card of it). */
  private paragraph(node: Paragraph, src: NoteSource, scope: Scope, nextList?: List): boolean {
    const line = startLine(node, src);
    const text = this.texts.get(node, src);
    const explicit = readExplicitCards(text, line, {
      context: scope.context,
      lineEnd: endLine(node, src),
    });
    if (explicit) {
      this.drafts.push(...explicit.drafts);
      this.issues.push(...explicit.issues);
      return false;
    }
    if (isImageOnly(node)) return false;
    const lines = text.lines;
    let introduced = false;
    lines.forEach((shape, index) => {
      const lineNo = line + index;
      const isLast = index === lines.length - 1;
      if (isLast && nextList && introducesList(shape.markdown, nextList.children.length)) {
        introduced = this.listFromIntro(shape.markdown, nextList, src, scope.context, lineNo);
        return;
      }
      if (this.questionOrTerm(shape, lineNo, endLine(node, src), scope.context)) return;
      if (shape.markdown.trim() === "") return;
      if (shape.masked.includes("?")) {
        this.skip(
          lineNo,
          shape.markdown,
          "question-without-answer",
          "a question with no `==>` answer",
        );
        return;
      }
      scope.statements.push({ markdown: takeAnchor(shape.markdown).text, line: lineNo });
    });
    return introduced;
  }

  /** Code blocks (exercise blocks, prose indented like code) and quotes inside a list item. */
  walkNonLists(body: RootContent[], src: NoteSource, context: string[]): void {
    let label: string | undefined;
    for (const b of body) {
      if (b.type === "paragraph") label = boldLabel(b);
      else if (b.type === "code") {
        this.code(b, src, label === undefined ? context : [...context, contextLabel(label)], false);
      } else if (b.type === "blockquote") this.walkBlocks(b.children, src, context, false);
    }
  }

  private code(node: Code, src: NoteSource, context: string[], _topLevel: boolean): void {
    const line = startLine(node, src);
    const fenced = isFenced(node, src);
    if (fenced && node.lang === "exercise") {
      const result = readExerciseBlock(node.value);
      if (!result.ok) {
        this.issues.push({ ...result.issue, line });
        return;
      }
      const { generator, params, prompt } = result.block;
      const idFront = `exercise:${generator}:${prompt ?? ""}`;
      this.drafts.push({
        kind: "exercise",
        generator,
        params,
        ...(prompt === undefined ? {} : { prompt }),
        idFront,
        lineStart: line,
        lineEnd: endLine(node, src),
        context,
        siblingKey: `L${line}`,
        origin: "explicit",
      });
      return;
    }
    if (fenced || !looksLikeProse(node.value)) return;
    this.issues.push({
      severity: "warning",
      code: "indented-prose",
      message: `lines ${line}–${endLine(node, src)} are indented like a code block; they were read as note text (indent them less, or fence real code)`,
      line,
    });
    const dedented = node.value
      .split("\n")
      .map((l) => l.trimStart())
      .join("\n");
    const sub = this.hooks.reparse(dedented, line - 1);
    this.walkBlocks(sub.tree.children, sub.src, context, false);
  }
}

function normalize(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}
