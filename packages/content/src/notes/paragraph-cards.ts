/**
 * The cards of a paragraph's lines (see `paragraphCards`): the note walker calls it for each
 * paragraph of a section that is not a label, a to-do, metadata or links.
 */
import type { List, Paragraph } from "mdast";
import { formulaItem } from "./block-shapes.ts";
import type { CardCollector } from "./card-collector.ts";
import { readExplicitCards } from "./explicit-cards.ts";
import {
  cleanLabel,
  introducesList,
  isRemarkLabel,
  type LineShape,
  QUESTION_PREFIX,
  readInlineQuestion,
  readTermExplanation,
} from "./line-shapes.ts";
import {
  blockMarkdown,
  endLine,
  isImageOnly,
  type NoteSource,
  startLine,
  takeAnchor,
} from "./markdown-source.ts";
import type { Scope } from "./section-cards.ts";
import { DIARY_LINE, isAboutTheNote, isDiaryLine, NOTE_ABOUT_ITSELF } from "./study-shapes.ts";
import {
  holdsNumbers,
  isExampleLabel,
  isExampleLine,
  WORKED_EXAMPLE_MESSAGE,
} from "./worked-examples.ts";

/**
 * A paragraph of a section: its explicit authoring syntax when it has any, else
 * line by line a "Q. … / A. …" pair, a question and its answer on one line, a worked example
 * over its steps, a line introducing the list that follows, a question or term,
 * a question without answer (skipped), or a statement for the section's card. Returns true when
 * the paragraph introduced the list that follows it (and made a card of it).
 */
export function paragraphCards(
  cards: CardCollector,
  node: Paragraph,
  src: NoteSource,
  scope: Scope,
  nextList?: List,
): boolean {
  const line = startLine(node, src);
  const text = cards.texts.get(node, src);
  // "> [!summary]" over "> 각 … ==축==이 다르다": the callout's marker is no part of a cloze's text.
  const head = CALLOUT_MARKER.exec(text.lines[0]?.markdown.trim() ?? "");
  const marked = head !== null && (head[1] === undefined || isRemarkLabel(head[1]));
  const after = text.lines.slice(1);
  const body =
    marked && after.length > 0
      ? {
          markdown: after.map((l) => l.markdown).join("\n"),
          codeMasked: after.map((l) => l.codeMasked).join("\n"),
        }
      : text;
  const explicit = readExplicitCards(body, body === text ? line : line + 1, {
    context: scope.context,
    lineEnd: endLine(node, src),
  });
  if (explicit) {
    cards.drafts.push(...explicit.drafts);
    cards.issues.push(...explicit.issues);
    return false;
  }
  if (isImageOnly(node)) return false;
  const lines = text.lines;
  let introduced = false;
  let answered = -1;
  lines.forEach((shape, index) => {
    const lineNo = line + index;
    if (index === answered) return;
    const qa = questionAnswerLines(shape, lines[index + 1]);
    if (qa) {
      // "Q. …?" then "A. …" on the next line: one card, as if written with `==>`.
      cards.questionOrTerm(qa, lineNo, lineNo + 1, scope.context);
      answered = index + 1;
      return;
    }
    // `[!NOTE]` alone: the marker of an Obsidian/GitHub callout, not text.
    const marker = CALLOUT_MARKER.exec(shape.markdown.trim());
    if (marker && (marker[1] === undefined || isRemarkLabel(marker[1]))) return;
    // "예) 클래스 3개, AP 0.8, 0.6, 0.7 → mAP 0.7": the note's own example, not a fact of its section.
    if (isExampleLine(shape.markdown)) {
      cards.skip(lineNo, shape.markdown, "worked-example", WORKED_EXAMPLE_MESSAGE);
      return;
    }
    const isLast = index === lines.length - 1;
    const inline = readInlineQuestion(shape);
    if (inline) {
      // "Why 3x3? Two stacked 3x3 convs …:" and the list it introduces: the list is the answer.
      const withList = isLast && nextList && /[:：]\s*$/.test(inline.codeMasked);
      const list = withList ? `\n\n${blockMarkdown(nextList, src)}` : "";
      const end = withList ? endLine(nextList, src) : lineNo;
      cards.questionOrTerm(
        { markdown: `${inline.markdown}${list}`, codeMasked: `${inline.codeMasked}${list}` },
        lineNo,
        end,
        scope.context,
      );
      if (withList) introduced = true;
      return;
    }
    if (isLast && nextList && workedExample(cards, shape, lineNo, nextList, src, scope)) {
      introduced = true;
      return;
    }
    // A line over formulas ("… is added to the embeddings:" over $PE_{…} = …$): a statement of
    // its section, whose Formula card the formulas make.
    const formulas = nextList?.children.every((item) => formulaItem(item, src) !== undefined);
    if (
      isLast &&
      nextList &&
      !formulas &&
      introducesList(shape.markdown, nextList.children.length)
    ) {
      introduced = cards.listFromIntro(shape.markdown, nextList, src, scope.context, lineNo);
      return;
    }
    if (cards.questionOrTerm(shape, lineNo, endLine(node, src), scope.context)) return;
    if (shape.markdown.trim() === "") return;
    if (shape.codeMasked.includes("?")) {
      cards.skip(
        lineNo,
        shape.markdown,
        "question-without-answer",
        "a question with no `==>` answer",
      );
      return;
    }
    // "So I finally sat down and …", "오늘은 집중이 잘 안 됐다": the writer's day, not a fact.
    if (isDiaryLine(shape.markdown)) {
      cards.skip(lineNo, shape.markdown, DIARY_LINE.reason, DIARY_LINE.message);
      return;
    }
    // "이 노트북에서는 … 작성해 본다": what the note covers, not what to know.
    if (isAboutTheNote(shape.markdown)) {
      cards.skip(lineNo, shape.markdown, NOTE_ABOUT_ITSELF.reason, NOTE_ABOUT_ITSELF.message);
      return;
    }
    scope.statements.push({
      markdown: takeAnchor(shape.markdown).text,
      codeMasked: takeAnchor(shape.codeMasked).text,
      line: lineNo,
    });
  });
  return introduced;
}

/** `[!NOTE]`, or `[!tip] Remember`: a callout's marker, with its title if it has one. */
const CALLOUT_MARKER = /^\[!\w+\][+-]?(?:\s+(\S.*))?$/;

const ANSWER_LINE = /^(?:\*\*)?(?:A|답|정답)\s*\d*\s*[.:)：](?:\*\*)?\s*/iu;

/** A line set in bold as a whole ("**Q: Tokenization이란?**"): its text without the markers. */
function unbolded(l: LineShape): LineShape {
  const m = /^\*\*(?!\*)(.*[^*\s])\*\*\s*$/.exec(l.markdown);
  if (!m?.[1] || m[1].includes("**")) return l;
  const end = 2 + m[1].length;
  return { markdown: m[1], codeMasked: l.codeMasked.slice(2, end) };
}

/** "Q. …?" and "A. …" lines, joined into a `question ==> answer` shape. */
function questionAnswerLines(
  boldQ: LineShape,
  boldA: LineShape | undefined,
): LineShape | undefined {
  const q = unbolded(boldQ);
  const a = boldA && unbolded(boldA);
  const qm = QUESTION_PREFIX.exec(q.markdown);
  const am = a ? ANSWER_LINE.exec(a.markdown) : null;
  if (!qm || !am || !a || !/[?？]\s*$/.test(q.markdown)) return undefined;
  const cut = (l: LineShape, n: number) => ({
    markdown: l.markdown.slice(n),
    codeMasked: l.codeMasked.slice(n),
  });
  const question = cut(q, qm[0].length);
  const answer = cut(a, am[0].length);
  return {
    markdown: `${question.markdown} ==> ${answer.markdown}`,
    codeMasked: `${question.codeMasked} ==> ${answer.codeMasked}`,
  };
}

/**
 * "Example: input 128 channels, …" over a list of its steps: with the note's numbers in it, a
 * worked computation, skipped (an exercise drills it); otherwise one card holding the example
 * whole (its steps alone mean nothing outside it). Either way the list is used up.
 */
function workedExample(
  cards: CardCollector,
  shape: LineShape,
  lineNo: number,
  list: List,
  src: NoteSource,
  scope: Scope,
): boolean {
  const term = readTermExplanation(shape);
  if (!term || !isExampleLabel(term.term)) return false;
  const back = `${term.explanation}\n\n${blockMarkdown(list, src)}`;
  if (holdsNumbers(back)) {
    cards.skip(lineNo, shape.markdown, "worked-example", WORKED_EXAMPLE_MESSAGE);
    return true;
  }
  const subject = scope.context[scope.context.length - 1];
  const front = subject ? `${subject}: ${cleanLabel(term.term)}` : cleanLabel(term.term);
  cards.drafts.push({
    kind: "basic",
    front,
    back,
    direction: "forward",
    idFront: `${front} ${term.explanation}`,
    lineStart: lineNo,
    lineEnd: endLine(list, src),
    context: scope.context,
    siblingKey: `L${lineNo}`,
    origin: "extracted",
  });
  return true;
}
