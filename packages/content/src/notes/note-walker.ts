/**
 * Walks a note's mdast tree and finds cards: explicit authoring syntax wherever it is written, and
 * cards extracted from plain structure (question arrows, `term : explanation`, label bullets with
 * children, key-takeaway lists, sections that only list names). Extraction is conservative: what
 * it cannot turn into a self-contained card is reported as skipped, with the reason.
 */
import type { Code, Heading, List, ListItem, Paragraph, Root, RootContent } from "mdast";
import type { CardDraft } from "./card-draft.ts";
import { readExerciseBlock } from "./exercise-block.ts";
import { readExplicitCards } from "./explicit-cards.ts";
import {
  contextLabel,
  headWord,
  introducesList,
  isNameLike,
  type LineShape,
  leansOnContext,
  namesCollection,
  namesSummary,
  readQuestionArrow,
  readTermExplanation,
  splitFirstSentence,
} from "./line-shapes.ts";
import {
  blockMarkdown,
  endLine,
  isImageOnly,
  type NoteSource,
  ParagraphTexts,
  plainText,
  startLine,
  takeAnchor,
} from "./markdown-source.ts";
import type { TNoteIssue, TSkippedItem } from "./schema.ts";

export const MAX_LIST_DEPTH = 12;
const MAX_RECALL_ITEMS = 12;

export type WalkIssue = Omit<TNoteIssue, "file">;
export type WalkSkip = Omit<TSkippedItem, "file">;

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

export class NoteWalker {
  readonly drafts: CardDraft[] = [];
  readonly issues: WalkIssue[] = [];
  readonly skipped: WalkSkip[] = [];
  private headings: { depth: number; label: string }[] = [];
  private deepWarned = false;
  private readonly texts = new ParagraphTexts();
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
          if (consumedLists.has(node)) this.walkList(node, src, scope.context, 1, "consumed");
          else if (introLists.has(node)) {
            for (const item of node.children) {
              const mode = item.children.length > 1 ? "title-used" : "consumed";
              this.walkItem(item, src, scope.context, 1, mode);
            }
          } else this.walkList(node, src, scope.context, 1, "extract");
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

  /** `question ==> answer` and `term : explanation` lines. Returns true when the line was used. */
  private questionOrTerm(
    shape: LineShape,
    lineNo: number,
    lineEnd: number,
    context: string[],
    extra?: string,
    bothDirections = false,
  ): boolean {
    const anchored = takeAnchor(shape.markdown);
    const maskedAnchored = takeAnchor(shape.masked);
    const clean = { markdown: anchored.text, masked: maskedAnchored.text };
    const question = readQuestionArrow(clean);
    if (question) {
      if (question.back === "") {
        this.skip(lineNo, shape.markdown, "question-without-answer", "nothing after `==>`");
        return true;
      }
      if (question.front === "" || leansOnContext(question.front)) {
        this.skip(
          lineNo,
          shape.markdown,
          "not-self-contained",
          "the question needs the note to be understood",
        );
        return true;
      }
      this.basic(question.front, question.back, {
        lineNo,
        lineEnd,
        context,
        extra,
        anchor: anchored.anchor,
      });
      return true;
    }
    const term = readTermExplanation(clean);
    if (term) {
      if (leansOnContext(term.term) || term.term.length < 2) {
        this.skip(
          lineNo,
          shape.markdown,
          "not-self-contained",
          "the term needs the note to be understood",
        );
        return true;
      }
      this.basic(term.term, term.explanation, {
        lineNo,
        lineEnd,
        context,
        extra,
        anchor: anchored.anchor,
        both: bothDirections,
      });
      return true;
    }
    return false;
  }

  private basic(
    front: string,
    back: string,
    at: {
      lineNo: number;
      lineEnd: number;
      context: string[];
      extra?: string | undefined;
      anchor?: string | undefined;
      both?: boolean;
    },
  ): void {
    const place = {
      idFront: front,
      lineStart: at.lineNo,
      lineEnd: at.lineEnd,
      context: at.context,
      siblingKey: `L${at.lineNo}`,
      origin: "extracted" as const,
      ...(at.anchor === undefined ? {} : { anchor: at.anchor }),
    };
    const forward: CardDraft = { ...place, kind: "basic", front, back, direction: "forward" };
    if (at.extra !== undefined && at.extra !== "" && forward.kind === "basic")
      forward.extra = at.extra;
    this.drafts.push(forward);
    if (at.both) {
      const label = at.context[at.context.length - 1];
      this.drafts.push({
        ...place,
        kind: "basic",
        front: `${label ? `${label} — ` : ""}which one: ${back}?`,
        back: front,
        direction: "reverse",
        discriminator: "reverse",
      });
    }
  }

  private listFromIntro(
    intro: string,
    list: List,
    src: NoteSource,
    context: string[],
    lineNo: number,
  ): boolean {
    const items = list.children.map((item) => itemHead(item, src, this.texts));
    // A colon alone does not say where the list ends (Markdown joins lists split by blank lines),
    // so then every item must be a bare name; a stated count ("세가지") is checked instead.
    const counted = !/[:：]\s*$/.test(intro.trim());
    const shapeless = items.some(
      (i, n) =>
        i === undefined ||
        i.rest !== undefined ||
        i.special ||
        !isNameLike(i.head) ||
        leansOnContext(i.head) ||
        (!counted && (list.children[n]?.children.length ?? 0) > 1),
    );
    if (items.length < 2 || shapeless) {
      this.skip(
        lineNo,
        intro,
        "not-self-contained",
        "the list it introduces is not a list of short items",
      );
      return false;
    }
    const front = takeAnchor(intro)
      .text.replace(/[:：]\s*$/, "")
      .trim();
    this.drafts.push({
      kind: "listRecall",
      front,
      items: items.map((i) => ({ text: i?.head ?? "" })),
      ordered: list.ordered === true,
      idFront: front,
      lineStart: lineNo,
      lineEnd: endLine(list, src),
      context,
      siblingKey: `L${lineNo}`,
      origin: "extracted",
      ...(takeAnchor(intro).anchor === undefined ? {} : { anchor: takeAnchor(intro).anchor }),
    });
    return true;
  }

  /**
   * Walks a list. "extract" makes cards from structure; "consumed" means the items were already
   * used by a card of the parent, so only explicit syntax and exercise blocks inside still count.
   */
  private walkList(
    list: List,
    src: NoteSource,
    context: string[],
    depth: number,
    mode: "extract" | "consumed",
  ): void {
    if (depth > MAX_LIST_DEPTH) {
      if (!this.deepWarned) {
        this.deepWarned = true;
        this.issues.push({
          severity: "warning",
          code: "list-too-deep",
          message: `lists nested deeper than ${MAX_LIST_DEPTH} levels are not read for cards`,
          line: startLine(list, src),
        });
        this.skip(
          startLine(list, src),
          "",
          "too-deep",
          `nested deeper than ${MAX_LIST_DEPTH} levels`,
        );
      }
      return;
    }
    for (const item of list.children) this.walkItem(item, src, context, depth, mode);
  }

  private walkItem(
    item: ListItem,
    src: NoteSource,
    context: string[],
    depth: number,
    mode: "extract" | "consumed" | "title-used",
  ): void {
    const [first, ...rest] = item.children;
    const title = first?.type === "paragraph" && !isImageOnly(first) ? first : undefined;
    const body = title ? rest : item.children;
    const titleLine = startLine(item, src);
    const itemEnd = endLine(item, src);

    if (title) {
      const explicit = readExplicitCards(this.texts.get(title, src), startLine(title, src), {
        context,
        lineEnd: endLine(title, src),
      });
      if (explicit) {
        this.drafts.push(...explicit.drafts);
        this.issues.push(...explicit.issues);
        this.walkBody(body, src, context, depth, "consumed");
        return;
      }
    }
    if (mode === "consumed" || !title) {
      this.walkBody(body, src, context, depth, mode === "consumed" ? "consumed" : "extract");
      return;
    }

    const shape = this.texts.get(title, src).joined;
    const anchored = takeAnchor(shape.markdown);
    const childItems = body.flatMap((b) => (b.type === "list" ? b.children : []));

    // `question ==> answer` or `term : explanation` in the title: the body becomes the extra.
    if (readQuestionArrow(shape) || readTermExplanation(shape)) {
      const bodyMarkdown = body
        .map((b) => blockMarkdown(b, src))
        .filter((s) => s !== "")
        .join("\n");
      this.questionOrTerm(shape, titleLine, itemEnd, context, bodyMarkdown || undefined);
      this.walkBody(body, src, context, depth, "consumed");
      return;
    }

    const labelText = anchored.text;
    if (isNameLike(plainish(labelText)) && leansOnContext(labelText)) {
      if (mode !== "title-used") {
        this.skip(
          titleLine,
          labelText,
          "not-self-contained",
          "the text leans on what comes before it in the note",
        );
      }
      this.walkBody(body, src, context, depth, "extract");
      return;
    }
    if (!isNameLike(plainish(labelText))) {
      if (mode !== "title-used") {
        const reason = shape.masked.includes("?") ? "question-without-answer" : "plain-statement";
        this.skip(
          titleLine,
          labelText,
          reason,
          reason === "plain-statement"
            ? "a statement, not a question, term or label"
            : "a question with no `==>` answer",
        );
      }
      this.walkBody(body, src, context, depth, "extract");
      return;
    }

    const label = labelText;
    const here = [...context, contextLabel(plainish(label))];
    const anchor = anchored.anchor;
    const place = (front: string) => ({
      idFront: front,
      lineStart: titleLine,
      lineEnd: itemEnd,
      context: here,
      siblingKey: `L${titleLine}`,
      origin: "extracted" as const,
      ...(anchor === undefined ? {} : { anchor }),
    });

    // Key-takeaways style: every child is `name : fact` → cards in both directions.
    const pairs = childItems.map((child) => {
      const t = child.children[0];
      return t?.type === "paragraph"
        ? readTermExplanation(this.texts.get(t, src).joined)
        : undefined;
    });
    if (
      childItems.length >= 2 &&
      pairs.every((p) => p !== undefined) &&
      (namesSummary(label) ||
        (childItems.length >= 3 && pairs.every((p) => p && p.explanation.length <= 60)))
    ) {
      childItems.forEach((child, index) => {
        const t = child.children[0];
        if (t?.type !== "paragraph") return;
        this.questionOrTerm(
          this.texts.get(t, src).joined,
          startLine(child, src),
          endLine(child, src),
          here,
          undefined,
          (pairs[index]?.explanation.length ?? 99) <= 60,
        );
        this.walkBody(child.children.slice(1), src, here, depth + 1, "consumed");
      });
      return;
    }

    // A label with children that are short names → list recall, when the label says what they are.
    const heads = childItems.map((child) => itemHead(child, src, this.texts));
    const headsAreNames =
      heads.length >= 3 &&
      heads.length <= MAX_RECALL_ITEMS &&
      heads.every((h) => h !== undefined && isNameLike(h.head) && !h.special);
    const word = headWord(plainish(label));
    const kinds =
      headsAreNames && word.length >= 3 && heads.every((h) => h && headWord(h.head) === word);
    if (headsAreNames && (namesCollection(label) || kinds)) {
      const subject = context[context.length - 1];
      const front = kinds
        ? `${label}: name all ${heads.length} kinds`
        : `${subject && !namesCollection(subject) ? `${subject}: ` : ""}${label} — name all ${heads.length}`;
      this.drafts.push({
        ...place(front),
        kind: "listRecall",
        front,
        items: heads.map((h) =>
          h?.rest ? { text: h.head, detail: h.rest } : { text: h?.head ?? "" },
        ),
        ordered: body.some((b) => b.type === "list" && b.ordered === true),
      });
      for (const child of childItems) {
        const hasContent = child.children.length > 1;
        this.walkItem(child, src, here, depth + 1, hasContent ? "title-used" : "consumed");
      }
      this.walkNonLists(body, src, here);
      return;
    }

    // A label whose only content is a formula.
    const contentBlocks = body.filter((b) => b.type !== "list" && !isImageOnly(b));
    const formula =
      childItems.length === 0 && contentBlocks.length === 1
        ? formulaOf(contentBlocks[0])
        : undefined;
    if (formula !== undefined) {
      const front = `Formula: ${label}`;
      this.drafts.push({
        ...place(front),
        kind: "basic",
        front,
        back: formula,
        direction: "forward",
      });
      return;
    }

    // A label with explanation: its paragraphs and its statement children, as "Explain: label".
    const backParts: string[] = [];
    const imageParts: string[] = [];
    const childModes = new Map<ListItem, "extract" | "consumed" | "title-used">();
    for (const b of body) {
      if (b.type === "list") {
        const lines: string[] = [];
        for (const child of b.children) {
          const part = this.explainPart(child, src);
          childModes.set(child, part.mode);
          if (part.text !== undefined) lines.push(`${b.ordered ? "1." : "-"} ${part.text}`);
        }
        if (lines.length > 0) backParts.push(lines.join("\n"));
      } else if (b.type === "paragraph" && boldLabel(b) !== undefined) {
        // A bold line labels what follows (often a block indented like code); not an answer.
      } else if (b.type === "paragraph" || b.type === "math" || b.type === "blockquote") {
        const md = blockMarkdown(b, src);
        if (md !== "") (isImageOnly(b) ? imageParts : backParts).push(md);
      }
    }
    backParts.push(...imageParts);
    const hasText = body.some(
      (b) =>
        (b.type === "paragraph" && !isImageOnly(b) && boldLabel(b) === undefined) ||
        b.type === "math" ||
        b.type === "blockquote" ||
        (b.type === "list" && b.children.some((c) => childModes.get(c) !== "extract")),
    );
    if (hasText) {
      const front = `Explain: ${label}`;
      this.drafts.push({
        ...place(front),
        kind: "basic",
        front,
        back: backParts.join("\n\n"),
        direction: "forward",
      });
    } else if (mode !== "title-used" && childItems.length === 0 && !hasCode(body)) {
      this.skip(
        titleLine,
        label,
        "label-without-content",
        "a label with nothing under it to ask about",
      );
    }
    for (const b of body) {
      if (b.type === "list") {
        for (const child of b.children)
          this.walkItem(child, src, here, depth + 1, childModes.get(child) ?? "extract");
      }
    }
    this.walkNonLists(body, src, here);
  }

  /** What a child item adds to its parent's "Explain" back, and how the child is walked after. */
  private explainPart(
    child: ListItem,
    src: NoteSource,
  ): { text?: string; mode: "extract" | "consumed" | "title-used" } {
    const t = child.children[0];
    if (t?.type !== "paragraph" || isImageOnly(t)) return { mode: "extract" };
    const shape = this.texts.get(t, src).joined;
    if (readQuestionArrow(shape) || readTermExplanation(shape) || shape.masked.includes("::")) {
      return { mode: "extract" };
    }
    const text = takeAnchor(shape.markdown).text;
    const hasChildren = child.children.length > 1;
    if (!hasChildren) return { text, mode: "consumed" };
    // A label with its own content gets its own card; a statement with children is quoted here.
    if (isNameLike(plainish(text))) return { mode: "extract" };
    return { text, mode: "title-used" };
  }

  private walkBody(
    body: RootContent[],
    src: NoteSource,
    context: string[],
    depth: number,
    mode: "extract" | "consumed",
  ): void {
    for (const b of body) {
      if (b.type === "list") this.walkList(b, src, context, depth + 1, mode);
    }
    this.walkNonLists(body, src, context);
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

  private skip(line: number, text: string, reason: WalkSkip["reason"], message: string): void {
    const excerpt = text.replace(/\s+/g, " ").trim();
    this.skipped.push({
      line,
      text: excerpt.length > 80 ? `${excerpt.slice(0, 77)}…` : excerpt,
      reason,
      message,
    });
  }
}

function normalize(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Markdown with emphasis markers removed, for shape tests (math `$…$` kept). */
function plainish(markdown: string): string {
  return markdown.replace(/\*\*|__/g, "").trim();
}

/** `**Label**` alone in a paragraph. */
function boldLabel(node: Paragraph): string | undefined {
  const only = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  if (only.length !== 1 || only[0]?.type !== "strong") return undefined;
  const text = plainText(only[0]).trim();
  return text !== "" && isNameLike(text) ? text : undefined;
}

/** The name an item holds, when it is a bare name with nothing under it. */
function leafName(item: ListItem, src: NoteSource, texts: ParagraphTexts): string | undefined {
  if (item.children.length !== 1) return undefined;
  const t = item.children[0];
  if (t?.type !== "paragraph") return undefined;
  const text = takeAnchor(texts.get(t, src).markdown).text;
  if (!isNameLike(text) || text.includes(":") || text.split(/\s+/).length > 6) return undefined;
  return text;
}

/** An item's first sentence, as a recall item, and the rest of its title as detail. */
function itemHead(
  item: ListItem,
  src: NoteSource,
  texts: ParagraphTexts,
): { head: string; rest?: string; special: boolean } | undefined {
  const t = item.children[0];
  if (t?.type !== "paragraph" || isImageOnly(t)) return undefined;
  const shape = texts.get(t, src).joined;
  const special =
    readQuestionArrow(shape) !== undefined ||
    readTermExplanation(shape) !== undefined ||
    shape.masked.includes("::");
  const anchored = takeAnchor(shape.markdown);
  const split = splitFirstSentence({
    markdown: anchored.text,
    masked: takeAnchor(shape.masked).text,
  });
  const result: { head: string; rest?: string; special: boolean } = { head: split.head, special };
  if (split.rest) result.rest = split.rest;
  return result;
}

function formulaOf(block: RootContent | undefined): string | undefined {
  if (!block) return undefined;
  if (block.type === "math") return `$$\n${block.value}\n$$`;
  if (block.type !== "paragraph") return undefined;
  const parts = block.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const only = parts[0];
  if (parts.length !== 1 || only?.type !== "inlineMath") return undefined;
  return `$$\n${only.value}\n$$`;
}

function hasCode(body: RootContent[]): boolean {
  return body.some((b) => b.type === "code");
}

function isFenced(node: Code, src: NoteSource): boolean {
  const from = node.position?.start.offset;
  if (from === undefined) return true;
  return /^[ \t]*(```|~~~)/.test(src.text.slice(from, from + 40));
}

/** Indented text that reads as sentences rather than code. */
function looksLikeProse(value: string): boolean {
  const lines = value.split("\n").filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  const codeish = lines.filter((l) =>
    /[;{}]\s*$|^\s*(def|class|import|from|return|for|while|if|const|let|var|function|#include|print)\b|^\s*[>$] |[=(]\s*$/.test(
      l,
    ),
  );
  const wordy = lines.filter((l) => (l.match(/[\p{L}]{2,}/gu)?.length ?? 0) >= 3);
  return codeish.length === 0 && wordy.length >= Math.ceil(lines.length / 2);
}
