/**
 * Walks lists item by item and finds the cards their structure holds: a question or term in an
 * item's title (its children become the extra), key-takeaway lists (cards in both directions), a
 * label over a list of names (list recall), a label over a formula, a label with explanation.
 */
import type { List, ListItem, RootContent } from "mdast";
import { readArrowChain } from "./arrow-chains.ts";
import { formulaOf, hasCode, withoutEmphasis } from "./block-shapes.ts";
import type { CardCollector } from "./card-collector.ts";
import { listRecallDraft } from "./card-draft.ts";
import { answeredStatement } from "./child-answers.ts";
import { explainBack, readsAsSteps, stepItems, termChildren } from "./explain-parts.ts";
import { readExplicitCards } from "./explicit-cards.ts";
import { labelChainDraft, labelFormulaDraft, labelNamesDraft } from "./label-content-cards.ts";
import {
  contextLabel,
  isNameLike,
  leansOnContext,
  namesSummary,
  readTermExplanation,
  statesParameterValue,
} from "./line-shapes.ts";
import {
  blockMarkdown,
  endLine,
  isImageOnly,
  type NoteSource,
  startLine,
  takeAnchor,
} from "./markdown-source.ts";
import { namedFormulaCard } from "./section-blocks.ts";
import {
  askedLabel,
  definitionCloze,
  explainFront,
  firstSentence,
  type ScopeStatement,
  stepsFront,
} from "./section-cards.ts";
import { linksOnly } from "./study-shapes.ts";
import { itemsBack, subjectCards, subjectGroups } from "./subject-split.ts";
import { isExampleItem, isExampleLine, WORKED_EXAMPLE_MESSAGE } from "./worked-examples.ts";

export const MAX_LIST_DEPTH = 12;

/** The note walker's walk of an item's blocks that are not lists (code blocks, quotes). */
export type WalkNonLists = (body: RootContent[], src: NoteSource, context: string[]) => void;

export class ListWalker {
  private deepWarned = false;
  /**
   * Where the statements of a list directly under a heading or label go (they join the section's
   * card instead of being skipped one by one). Set by the note walker around a top-level list.
   */
  sink: ((statement: ScopeStatement) => void) | undefined;
  /** Whether the list being walked has two or more items, none with content under it. */
  private leafList = false;

  constructor(
    /** Where the cards, issues and skipped items go. */
    private readonly cards: CardCollector,
    private readonly walkNonLists: WalkNonLists,
  ) {}

  /**
   * Walks a list. "extract" makes cards from structure; "consumed" means the items were already
   * used by a card of the parent, so only explicit syntax and exercise blocks inside still count.
   */
  walkList(
    list: List,
    src: NoteSource,
    context: string[],
    depth: number,
    mode: "extract" | "consumed",
  ): void {
    if (depth > MAX_LIST_DEPTH) {
      if (!this.deepWarned) {
        this.deepWarned = true;
        this.cards.issues.push({
          severity: "warning",
          code: "list-too-deep",
          message: `lists nested deeper than ${MAX_LIST_DEPTH} levels are not read for cards`,
          line: startLine(list, src),
        });
        this.cards.skip(
          startLine(list, src),
          "",
          "too-deep",
          `nested deeper than ${MAX_LIST_DEPTH} levels`,
        );
      }
      return;
    }
    for (const item of list.children) {
      this.leafList =
        list.children.length >= 2 &&
        list.children.every((c) => c.children.filter((b) => !isImageOnly(b)).length <= 1);
      this.walkItem(item, src, context, depth, mode);
    }
  }

  walkItem(
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
      const explicit = readExplicitCards(this.cards.texts.get(title, src), startLine(title, src), {
        context,
        lineEnd: endLine(title, src),
      });
      if (explicit) {
        this.cards.drafts.push(...explicit.drafts);
        this.cards.issues.push(...explicit.issues);
        this.walkBody(body, src, context, depth, "consumed");
        return;
      }
    }
    if (item.checked === true || item.checked === false) {
      this.cards.skip(
        titleLine,
        title ? this.cards.texts.get(title, src).markdown : "",
        "todo",
        "a to-do item, not study material",
      );
      return;
    }
    if (title && mode !== "consumed" && linksOnly(title)) {
      this.cards.skip(
        titleLine,
        this.cards.texts.get(title, src).markdown,
        "link-list",
        "a link, not study material",
      );
      return;
    }
    if (mode === "consumed" || !title) {
      this.walkBody(body, src, context, depth, mode === "consumed" ? "consumed" : "extract");
      return;
    }

    const shape = this.cards.texts.get(title, src).joined;
    const anchored = takeAnchor(shape.markdown);
    const childItems = body.flatMap((b) => (b.type === "list" ? b.children : []));

    // `question ==> answer` or `term : explanation` in the title: the body becomes the extra.
    const extra = body.map((b) => blockMarkdown(b, src)).filter((s) => s !== "");
    if (
      this.cards.questionOrTerm(shape, titleLine, itemEnd, context, extra.join("\n") || undefined)
    ) {
      const sub =
        depth < MAX_LIST_DEPTH ? termChildren(this.cards, shape, body, src, context) : undefined;
      for (const [child, m] of sub?.children ?? [])
        this.walkItem(child, src, sub?.context ?? [], depth + 1, m);
      if (sub) this.walkNonLists(body, src, context);
      else this.walkBody(body, src, context, depth, "consumed");
      return;
    }

    // "출력 크기 공식" with its formula on the next line of the same item: a Formula card.
    const named = namedFormulaCard(this.cards, this.cards.texts.get(title, src).lines, {
      line: titleLine,
      lineEnd: itemEnd,
      context,
    });
    if (named) {
      this.walkBody(body, src, [...context, named], depth, "extract");
      return;
    }

    const labelText = anchored.text;
    // "…이면 gradient vanishing이 생긴다" over "→ non-saturating loss 사용": a problem and its fix.
    const answerTexts = childItems.map((child) =>
      child.children.length === 1 && child.children[0]?.type === "paragraph"
        ? this.cards.texts.get(child.children[0], src).markdown
        : undefined,
    );
    const answered =
      mode === "extract" &&
      anchored.anchor === undefined &&
      body.every((b) => b.type === "list") &&
      answerTexts.every((t) => t !== undefined)
        ? answeredStatement(
            withoutEmphasis(labelText),
            answerTexts.filter((t) => t !== undefined),
          )
        : undefined;
    if (answered) {
      this.cards.drafts.push({
        kind: "basic",
        front: answered.front,
        back: answered.back,
        direction: "forward",
        idFront: answered.front,
        lineStart: titleLine,
        lineEnd: itemEnd,
        context,
        siblingKey: `L${titleLine}`,
        origin: "extracted",
      });
      this.walkBody(body, src, context, depth, "consumed");
      return;
    }
    const statement =
      !isNameLike(withoutEmphasis(labelText)) ||
      leansOnContext(labelText) ||
      childItems.length === 0;
    // A sentence leaning on what came before ("But, …") stays out: it is skipped on its own.
    // So does a lone chain of arrows ("BatchNorm -> Conv -> AvgPool"): the section's pipeline.
    const sinkable =
      !leansOnContext(labelText) &&
      (!isNameLike(withoutEmphasis(labelText)) ||
        this.leafList ||
        (childItems.length === 0 && readArrowChain(shape) !== undefined));
    if (childItems.length === 0 && isExampleLine(labelText)) {
      this.cards.skip(titleLine, labelText, "worked-example", WORKED_EXAMPLE_MESSAGE);
      return;
    }
    if (
      this.sink &&
      depth === 1 &&
      statement &&
      sinkable &&
      body.every((b) => b.type === "list" || isImageOnly(b))
    ) {
      // A statement (or a bare name) right under a heading: part of the section's card, whole.
      const whole = [
        labelText,
        ...body.filter((b) => b.type === "list").map((b) => blockMarkdown(b, src)),
      ];
      this.sink({
        markdown: whole.join("\n"),
        codeMasked: takeAnchor(shape.codeMasked).text,
        line: titleLine,
        lineEnd: itemEnd,
        bullet: true,
      });
      for (const child of childItems) this.walkItem(child, src, context, depth + 1, "title-used");
      return;
    }
    if (isNameLike(withoutEmphasis(labelText)) && leansOnContext(labelText)) {
      if (mode !== "title-used") {
        this.cards.skip(
          titleLine,
          labelText,
          "not-self-contained",
          "the text leans on what comes before it in the note",
        );
      }
      this.walkBody(body, src, context, depth, "extract");
      return;
    }
    if (!isNameLike(withoutEmphasis(labelText))) {
      const cloze =
        mode === "title-used"
          ? undefined
          : definitionCloze(
              firstSentence({ markdown: labelText, codeMasked: takeAnchor(shape.codeMasked).text }),
              { line: titleLine, lineEnd: titleLine, context },
            );
      if (cloze) this.cards.drafts.push(cloze);
      else if (mode !== "title-used") {
        const reason = shape.codeMasked.includes("?")
          ? "question-without-answer"
          : "plain-statement";
        this.cards.skip(
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
    const here = [...context, contextLabel(withoutEmphasis(label))];
    const anchor = anchored.anchor;
    const at = { line: titleLine, lineEnd: itemEnd, context: here, anchor };
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
        ? readTermExplanation(this.cards.texts.get(t, src).joined)
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
        this.cards.questionOrTerm(
          this.cards.texts.get(t, src).joined,
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
    const ordered = body.some((b) => b.type === "list" && b.ordered === true);
    const names = labelNamesDraft(childItems, label, context, src, this.cards.texts, ordered, at);
    if (names) {
      this.cards.drafts.push(names.draft);
      for (const child of childItems) {
        // A kind written as a term keeps its own card ("Max pooling" → "최댓값").
        const hasContent = child.children.length > 1;
        const childMode = names.terms.has(child)
          ? "extract"
          : hasContent
            ? "title-used"
            : "consumed";
        this.walkItem(child, src, here, depth + 1, childMode);
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
      this.cards.drafts.push({
        ...place(front),
        kind: "basic",
        front,
        back: formula,
        direction: "forward",
      });
      return;
    }

    // An ordered list as the label's only content: its steps, in order.
    const lists = body.filter((b) => b.type === "list");
    const onlyList = lists.length === 1 && contentBlocks.length === 0 ? lists[0] : undefined;
    if (onlyList && readsAsSteps(onlyList, label, src, this.cards.texts, true)) {
      const front = stepsFront(askedLabel(label, here));
      this.cards.drafts.push(
        listRecallDraft(front, stepItems(this.cards, onlyList, src), true, at),
      );
      for (const child of onlyList.children) this.walkItem(child, src, here, depth + 1, "consumed");
      this.walkNonLists(body, src, here);
      return;
    }

    // A lone chain of arrows (its steps), child items that are equations (its formula).
    const chainSteps = labelChainDraft(onlyList, label, here, src, this.cards.texts, anchor);
    if (chainSteps) {
      this.cards.drafts.push(chainSteps);
      return;
    }
    const formulas = labelFormulaDraft(childItems, label, here, src, place);
    if (formulas) {
      this.cards.drafts.push(formulas.draft);
      if (formulas.asked.size === childItems.length && contentBlocks.length === 0) {
        for (const child of childItems) this.walkItem(child, src, here, depth + 1, "consumed");
        this.walkNonLists(body, src, here);
        return;
      }
    }

    // A label with explanation: its paragraphs and all its children, as "Explain: label".
    const front = explainFront(label, here);
    const { back, hasText, childModes, statements } = explainBack(
      this.cards,
      body,
      src,
      here,
      front.startsWith("Explain: "),
      formulas?.asked,
    );
    // "β는 보통 0.9" left after the formula got its card: the formula's parameter, not an answer.
    const values = back.split("\n").filter((l) => l.trim() !== "");
    if (formulas && hasText && values.every(statesParameterValue)) {
      const draft = formulas.draft;
      if (draft.kind === "basic") draft.extra = [draft.extra, back].filter((x) => x).join("\n");
      for (const b of body) {
        if (b.type !== "list") continue;
        for (const child of b.children) this.walkItem(child, src, here, depth + 1, "consumed");
      }
      this.walkNonLists(body, src, here);
      return;
    }
    const bySubject =
      statements && anchor === undefined
        ? subjectGroups(statements, (s) => s.text, label, front)
        : undefined;
    if (bySubject) {
      const place = { context: here, siblingKey: `L${titleLine}` };
      this.cards.drafts.push(...subjectCards(bySubject, itemsBack, (s) => s, place));
    } else if (hasText) {
      this.cards.drafts.push({
        ...place(`Explain: ${label}`),
        kind: "basic",
        front,
        back,
        direction: "forward",
      });
    } else if (mode !== "title-used" && childItems.length === 0 && !hasCode(body)) {
      this.cards.skip(
        titleLine,
        label,
        "label-without-content",
        "a label with nothing under it to ask about",
      );
    } else if (
      mode !== "title-used" &&
      !hasCode(body) &&
      childItems.every(
        (c) => childModes.get(c) === "consumed" || isExampleItem(c, src, this.cards.texts),
      )
    ) {
      // "bias correction" over "예: t=1이면 …" alone: the example is skipped, and so is its label.
      this.cards.skip(
        titleLine,
        label,
        "label-without-content",
        "a label whose only content is a worked example (skipped on its own)",
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
}
