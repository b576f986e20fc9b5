/**
 * Cards from a few blocks read together under a heading: a one-line label over a list, a
 * blockquote pseudo-heading or Obsidian callout, an ordered list of steps, "Key takeaways" pairs,
 * and a quiz (question, options, "The answer is X").
 */
import type { List, Paragraph, RootContent } from "mdast";
import { cautionLabel } from "./callouts.ts";
import type { CardCollector } from "./card-collector.ts";
import { listRecallDraft } from "./card-draft.ts";
import {
  introducesList,
  isNameLike,
  isRemarkLabel,
  type LineShape,
  namesComparison,
  namesSummary,
  readNamedFormula,
  readTermExplanation,
  wordCount,
} from "./line-shapes.ts";
import { blockMarkdown, endLine, type NoteSource, startLine } from "./markdown-source.ts";
import type { TListRecallItem } from "./schema.ts";
import { askedLabel, type Scope, stepsFront } from "./section-cards.ts";
import { quizAnswer } from "./study-shapes.ts";

/** A paragraph that is a formula and nothing else (`$$mAP = …$$` on one line). */
function onlyMath(node: Paragraph): boolean {
  const parts = node.children.filter((n) => n.type !== "text" || n.value.trim() !== "");
  return parts.length > 0 && parts.every((n) => n.type === "inlineMath");
}

/**
 * A one-line, name-like paragraph right above a list labels it ("Key takeaways"). A formula
 * alone on its line is the section's formula, never a label: over the list that follows, it
 * would stand in the context of every card of the list, and be asked nowhere.
 */
export function labelLine(c: CardCollector, node: Paragraph, src: NoteSource): boolean {
  if (onlyMath(node)) return false;
  const text = c.texts.get(node, src);
  if (text.lines.length !== 1) return false;
  const line = text.markdown.trim();
  return (
    isNameLike(line) &&
    wordCount(line) <= 5 &&
    !/[:：?？.]$/.test(line) &&
    !introducesList(line, 0) &&
    readTermExplanation(text.joined) === undefined &&
    !/[=:]/.test(text.codeMasked)
  );
}

/**
 * `> Label` alone in a quote, or `> [!note] Label` (a callout): the label and the rest. An
 * untitled caution (`> [!WARNING]` over checkable lines) is labelled by its kind, `untitled`.
 */
export function pseudoHeading(
  c: CardCollector,
  first: RootContent | undefined,
  src: NoteSource,
): { text: string; rest: LineShape[]; untitled?: true } | undefined {
  if (first?.type !== "paragraph") return undefined;
  const lines = c.texts.get(first, src).lines;
  const head = lines[0]?.markdown ?? "";
  const callout = /^\[!(\w+)\][+-]?\s*(.*)$/.exec(head);
  if (callout) {
    // "> [!tip] Remember": a remark's word names no topic; the callout is as if untitled.
    const written = callout[2]?.trim() ?? "";
    const title = isRemarkLabel(written) ? "" : written;
    const rest = lines.slice(1);
    if (title !== "") return { text: title, rest };
    const kind = cautionLabel(callout[1] ?? "", rest);
    return kind === undefined ? undefined : { text: kind, rest, untitled: true };
  }
  if (lines.length !== 1 || !isNameLike(head) || wordCount(head) > 5 || /[?？:.]$/.test(head)) {
    return undefined;
  }
  return { text: head, rest: [] };
}

/** An ordered list under a heading or label: its steps, in order, none lost. */
export function stepsCard(
  c: CardCollector,
  list: List,
  items: TListRecallItem[],
  src: NoteSource,
  scope: Scope,
): void {
  const label = scope.label ?? "";
  const front = stepsFront(askedLabel(label, scope.context));
  c.drafts.push(
    listRecallDraft(front, items, true, {
      line: startLine(list, src),
      lineEnd: endLine(list, src),
      context: scope.context,
    }),
  );
}

/**
 * Under a "Key takeaways" label, `name: fact` items are asked in both directions; under a
 * comparison ("SGD vs Momentum vs Adam") only name → fact (the label would give the names away).
 */
export function summaryPairs(c: CardCollector, list: List, src: NoteSource, scope: Scope): boolean {
  if (scope.label === undefined) return false;
  const summary = namesSummary(scope.label);
  if (!summary && !namesComparison(scope.label)) return false;
  const shapes = list.children.map((item) => {
    const t = item.children[0];
    return t?.type === "paragraph" && item.children.length === 1
      ? c.texts.get(t, src).joined
      : undefined;
  });
  const pairs = shapes.map((s) => (s ? readTermExplanation(s) : undefined));
  if (pairs.length < 2 || pairs.some((p) => p === undefined)) return false;
  list.children.forEach((item, k) => {
    const shape = shapes[k];
    if (!shape) return;
    const short = summary && (pairs[k]?.explanation.length ?? 99) <= 60;
    c.questionOrTerm(
      shape,
      startLine(item, src),
      endLine(item, src),
      scope.context,
      undefined,
      short,
    );
  });
  return true;
}

/** A question, its options as a list, then "The answer is X": one card, the answer on the back. */
export function quizCard(
  c: CardCollector,
  question: Paragraph,
  options: List,
  answer: Paragraph,
  src: NoteSource,
  scope: Scope,
): boolean {
  const q = c.texts.get(question, src);
  const a = c.texts.get(answer, src);
  const lastLine = q.lines[q.lines.length - 1]?.markdown.trim() ?? "";
  const reply = quizAnswer(a.lines[0]?.markdown ?? "");
  if (!/[?？]$/.test(lastLine) || reply === undefined) return false;
  const rest = a.lines.slice(1).map((l) => l.markdown);
  const front = `${q.markdown}\n\n${blockMarkdown(options, src)}`;
  c.drafts.push({
    kind: "basic",
    front,
    back: [reply, ...rest].join("\n"),
    direction: "forward",
    idFront: q.markdown,
    lineStart: startLine(question, src),
    lineEnd: endLine(answer, src),
    context: scope.context,
    siblingKey: `L${startLine(question, src)}`,
    origin: "extracted",
  });
  return true;
}

/** A name with only its formula on the next line ("출력 크기 공식" / `$$…$$`): a Formula card; the name. */
export function namedFormulaCard(
  c: CardCollector,
  lines: LineShape[],
  at: { line: number; lineEnd: number; context: string[] },
): string | undefined {
  const named = readNamedFormula(lines);
  if (!named) return undefined;
  const front = `Formula: ${named.name}`;
  c.drafts.push({
    kind: "basic",
    front,
    back: named.formula,
    direction: "forward",
    idFront: front,
    lineStart: at.line,
    lineEnd: at.lineEnd,
    context: at.context,
    siblingKey: `L${at.line}`,
    origin: "extracted",
  });
  return named.name;
}
