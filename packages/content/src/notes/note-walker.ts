/**
 * Walks a note's mdast tree and finds cards: explicit authoring syntax wherever it is written, and
 * cards extracted from plain structure (question arrows, `term : explanation`, label bullets with
 * children, key-takeaway lists, sections that only list names). Extraction is conservative: what
 * it cannot turn into a self-contained card is reported as skipped, with the reason.
 *
 * This file walks the blocks under headings; paragraph-cards.ts reads a paragraph's lines,
 * list-walker.ts walks list items, card-collector.ts holds what is found (the walkers share one)
 * and block-shapes.ts recognises the shapes of blocks and items.
 */
import type { Code, Heading, List, Root, RootContent } from "mdast";
import {
  bareItemName,
  boldLabel,
  isFenced,
  looksLikeProse,
  MAX_RECALL_ITEMS,
} from "./block-shapes.ts";
import { CardCollector } from "./card-collector.ts";
import { listRecallDraft } from "./card-draft.ts";
import { isGenericLabel } from "./card-flags.ts";
import { readDashTerms } from "./dash-terms.ts";
import { readExerciseBlock } from "./exercise-block.ts";
import { readsAsSteps, stepItems } from "./explain-parts.ts";
import { contextLabel, namesComparison } from "./line-shapes.ts";
import { ListWalker } from "./list-walker.ts";
import { endLine, type NoteSource, plainText, startLine } from "./markdown-source.ts";
import { paragraphCards } from "./paragraph-cards.ts";
import { labelLine, pseudoHeading, quizCard, stepsCard, summaryPairs } from "./section-blocks.ts";
import { type Scope, scopeCards } from "./section-cards.ts";
import { isMetadata, isMoodHeading, linksOnly, nonStudyHeading } from "./study-shapes.ts";
import { tableCards } from "./table-cards.ts";

export interface WalkerHooks {
  /** Parses a block of text that was indented like code but reads as prose. */
  reparse(text: string, lineOffset: number): { tree: Root; src: NoteSource };
}

export class NoteWalker {
  /** What the walk finds: card drafts, issues, skipped items. */
  readonly cards = new CardCollector();
  private headings: { depth: number; label: string }[] = [];
  /** Depth of the non-study heading whose section is being skipped. */
  private skippingDepth: number | undefined;
  private readonly lists = new ListWalker(this.cards, (body, src, context) =>
    this.walkNonLists(body, src, context),
  );
  /** The note's title, normalized: a heading equal to it is not shown as context. */
  private readonly title: string | undefined;

  constructor(
    private readonly hooks: WalkerHooks,
    /** The note's title (front matter). */
    title: string | undefined,
  ) {
    this.title = title === undefined ? undefined : normalize(title);
  }

  walkRoot(tree: Root, src: NoteSource): void {
    readDashTerms(tree, src, this.cards.texts);
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
    /** The scope whose card the blocks' statements join (a plain quote's lines join their section's). */
    into?: Scope,
  ): void {
    let scope: Scope = into ?? { context: baseContext, statements: [] };
    if (topLevel) scope = { context: this.headingContext(), statements: [] };
    const consumedLists = new WeakSet<List>();
    const introLists = new WeakSet<List>();
    for (let i = 0; i < blocks.length; i++) {
      const node = blocks[i];
      if (!node) continue;
      const next = blocks[i + 1];
      if (topLevel && this.skippingDepth !== undefined) {
        if (node.type !== "heading" || node.depth > this.skippingDepth) continue;
        this.skippingDepth = undefined;
      }
      if (node.type === "heading" && topLevel) {
        this.closeScope(scope);
        const nonStudy = nonStudyHeading(contextLabel(plainText(node)));
        if (nonStudy) {
          this.cards.skip(startLine(node, src), plainText(node), nonStudy.reason, nonStudy.message);
          this.skippingDepth = node.depth;
          while ((this.headings[this.headings.length - 1]?.depth ?? 0) >= node.depth) {
            this.headings.pop();
          }
          scope = { context: this.headingContext(), statements: [] };
          continue;
        }
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
            scope = isMoodHeading(bold)
              ? { context, statements: [] }
              : { label: bold, context: [...context, contextLabel(bold)], statements: [] };
            const nonStudy = nonStudyHeading(contextLabel(bold));
            if (nonStudy) {
              this.cards.skip(startLine(node, src), bold, nonStudy.reason, nonStudy.message);
              scope.notStudy = true;
            }
            break;
          }
          if (scope.notStudy) break;
          const texts = this.cards.texts.get(node, src);
          if (/^(?:todo|to-do|할\s*일)\s*[:：]/iu.test(texts.markdown.trim())) {
            this.cards.skip(
              startLine(node, src),
              texts.markdown,
              "todo",
              "a to-do line, not study material",
            );
            break;
          }
          if (isMetadata(texts.lines.map((l) => l.markdown))) {
            this.cards.skip(
              startLine(node, src),
              texts.markdown,
              "metadata",
              "page metadata or a footer",
            );
            break;
          }
          if (linksOnly(node)) {
            const many = linksOnly(node, 2);
            this.cards.skip(
              startLine(node, src),
              texts.markdown,
              many ? "navigation" : "link-list",
              many ? "navigation links, not study material" : "a link, not study material",
            );
            break;
          }
          const list = next?.type === "list" ? next : undefined;
          const answer = blocks[i + 2];
          if (
            list &&
            answer?.type === "paragraph" &&
            quizCard(this.cards, node, list, answer, src, scope)
          ) {
            i += 2;
            break;
          }
          if (list && labelLine(this.cards, node, src)) {
            this.closeScope(scope);
            const label = texts.markdown.trim();
            scope = { label, context: [...scope.context, contextLabel(label)], statements: [] };
            break;
          }
          if (paragraphCards(this.cards, node, src, scope, list) && list) introLists.add(list);
          break;
        }
        case "list":
          if (scope.notStudy) break;
          if (consumedLists.has(node)) this.lists.walkList(node, src, scope.context, 1, "consumed");
          else if (introLists.has(node)) {
            for (const item of node.children) {
              const mode = item.children.length > 1 ? "title-used" : "consumed";
              this.lists.walkItem(item, src, scope.context, 1, mode);
            }
          } else if (
            scope.label !== undefined &&
            !namesComparison(scope.label) &&
            readsAsSteps(node, scope.label, src, this.cards.texts, true)
          ) {
            stepsCard(this.cards, node, stepItems(this.cards, node, src), src, scope);
            this.lists.walkList(node, src, scope.context, 1, "consumed");
          } else if (!summaryPairs(this.cards, node, src, scope)) {
            const sinkScope = scope;
            this.lists.sink =
              scope.label === undefined
                ? undefined
                : (statement) => {
                    sinkScope.statements.push(statement);
                  };
            this.lists.walkList(node, src, scope.context, 1, "extract");
            this.lists.sink = undefined;
          }
          break;
        case "code":
          this.code(node, src, scope.context, true);
          break;
        case "table":
          if (!scope.notStudy) tableCards(this.cards, node, src, scope);
          break;
        case "math":
          scope.statements.push({ markdown: `$$\n${node.value}\n$$`, line: startLine(node, src) });
          break;
        case "blockquote": {
          const outer = scope;
          const found = pseudoHeading(this.cards, node.children[0], src);
          // An untitled caution outside any section would be asked as a bare "Warning".
          const label = found?.untitled && outer.context.length === 0 ? undefined : found;
          if (label !== undefined) {
            // `> Fast R-CNN` alone, or an Obsidian callout title: a sub-heading for what follows.
            this.closeScope(scope);
            const context = [
              ...(topLevel ? this.headingContext() : baseContext),
              contextLabel(label.text),
            ];
            scope = { label: label.text, context, statements: [] };
            if (label.rest.length > 0) {
              // Its lines: a `term: …` or question line is a card, the rest the callout's card.
              // An untitled caution's kind ("Warning") is no context for its terms.
              const inner = label.untitled ? context.slice(0, -1) : context;
              const line = startLine(node, src) + 1;
              label.rest.forEach((shape, k) => {
                if (this.cards.questionOrTerm(shape, line + k, line + k, inner)) return;
                scope.statements.push({ ...shape, line: line + k });
              });
              this.walkBlocks(node.children.slice(1), src, inner, false);
              // A callout holds its own content: what follows it belongs to the section again.
              this.closeScope(scope);
              scope = { ...outer, statements: [] };
            }
            break;
          }
          // A quote of plain lines under a heading or label ("> LSTM의 gate는 3개"): its lines
          // belong to that section's card. A callout (`> [!WARNING]`) is a remark set apart.
          const plain = node.children.every(
            (b, k) =>
              b.type === "paragraph" &&
              !boldLabel(b) &&
              (k > 0 || !/^\[!\w+\]/.test(this.cards.texts.get(b, src).markdown)),
          );
          const into = plain && scope.label !== undefined ? scope : undefined;
          this.walkBlocks(node.children, src, scope.context, false, into);
          break;
        }
        default:
          break;
      }
    }
    if (scope !== into) this.closeScope(scope);
  }

  private enterHeading(node: Heading, src: NoteSource): void {
    while ((this.headings[this.headings.length - 1]?.depth ?? 0) >= node.depth) this.headings.pop();
    if (this.isContextHeading(node, src)) {
      this.headings.push({ depth: node.depth, label: contextLabel(plainText(node)) });
    }
  }

  private isContextHeading(node: Heading, _src: NoteSource): boolean {
    const text = plainText(node).trim();
    if (text === "" || isMoodHeading(text)) return false;
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
    const names = list.children.map((item) => bareItemName(item, src, this.cards.texts));
    if (names.length < 2 || names.length > MAX_RECALL_ITEMS * 2) return;
    if (names.some((n) => n === undefined)) return;
    consumed.add(list);
    // A generic heading ("해결 방법") is asked with its parent heading.
    const front = isGenericLabel(label)
      ? `${this.headings[this.headings.length - 2]?.label ?? label}: ${label} — name all ${names.length}`
      : `${label}: name all ${names.length}`;
    this.cards.drafts.push(
      listRecallDraft(
        front,
        names.map((n) => ({ text: n ?? "" })),
        list.ordered === true,
        {
          idFront: `${label}: names`,
          line: startLine(heading, src),
          lineEnd: endLine(list, src),
          context: this.headingContext(),
        },
      ),
    );
  }

  private closeScope(scope: Scope): void {
    if (scope.statements.length === 0) return;
    const made = scopeCards(scope);
    this.cards.drafts.push(...made.drafts);
    for (const s of made.unasked) {
      this.cards.skip(
        s.line,
        s.markdown,
        "plain-statement",
        "a statement with no heading or label to ask about",
      );
    }
    scope.statements = [];
  }

  /** Code blocks (exercise blocks, prose indented like code) and quotes inside a list item. */
  private walkNonLists(body: RootContent[], src: NoteSource, context: string[]): void {
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
        this.cards.issues.push({ ...result.issue, line });
        return;
      }
      const { generator, params, prompt } = result.block;
      const idFront = `exercise:${generator}:${prompt ?? ""}`;
      this.cards.drafts.push({
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
    this.cards.issues.push({
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
