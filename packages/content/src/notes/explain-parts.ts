/**
 * What a list item contributes to cards made from its parent: a list's steps (each item whole,
 * children as detail) when it reads as steps, a child's part of its parent's "Explain" back
 * (`explainBack`), and the children of a term that are terms themselves (`termChildren`).
 */
import type { List, ListItem, RootContent } from "mdast";
import { chainStepsDraft, readArrowChain } from "./arrow-chains.ts";
import { boldLabel, withoutEmphasis } from "./block-shapes.ts";
import type { CardCollector } from "./card-collector.ts";
import { LONG_BACK_CHARS } from "./card-flags.ts";
import {
  cleanLabel,
  contextLabel,
  isNameLike,
  isRemarkLabel,
  type LineShape,
  readQuestionArrow,
  readTermExplanation,
} from "./line-shapes.ts";
import {
  blockMarkdown,
  endLine,
  isImageOnly,
  type NoteSource,
  type ParagraphTexts,
  startLine,
  takeAnchor,
} from "./markdown-source.ts";
import {
  ANNOUNCES_NEXT,
  askedLabel,
  definitionCloze,
  endSentence,
  firstSentence,
  stepsFront,
} from "./section-cards.ts";
import { isExampleLine, WORKED_EXAMPLE_MESSAGE } from "./worked-examples.ts";

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/** The items of an ordered list as steps: each item's whole text, its children as detail. */
export function stepItems(
  host: CardCollector,
  list: List,
  src: NoteSource,
): { text: string; detail?: string }[] {
  return list.children.map((item) => {
    const [first, ...rest] = item.children;
    const text =
      first?.type === "paragraph"
        ? takeAnchor(host.texts.get(first, src).joined.markdown).text
        : blockMarkdown(first ?? item, src);
    const detail = rest
      .map((b) => blockMarkdown(b, src))
      .filter((d) => d !== "")
      .join("\n");
    return detail === "" ? { text } : { text, detail };
  });
}

/**
 * What a child item adds to its parent's back, and how the child is walked after. `asked` marks a
 * child that gets a card of its own; `short` is the child's title alone, used when the whole would
 * make the parent's back too long.
 */
export function explainPart(
  host: CardCollector,
  child: ListItem,
  src: NoteSource,
  here: string[],
  /** The label's first child: a chain there is the label's pipeline, further down a remark. */
  leading = false,
): {
  text?: string;
  short?: string;
  mode: "extract" | "consumed" | "title-used";
  /** The child is asked by a card of its own (a question, a term, a cloze, a label with content). */
  asked?: true;
  /** Some of the child's nested items are asked by cards of their own. */
  nestedAsked?: true;
} {
  const t = child.children[0];
  if (t?.type !== "paragraph" || isImageOnly(t)) return { mode: "extract" };
  const shape = host.texts.get(t, src).joined;
  const title = takeAnchor(shape.markdown).text.replace(/\s*==>\s*/, " → ");
  const nested = child.children
    .slice(1)
    .filter((b) => !isImageOnly(b) && b.type !== "code")
    .map((b) => blockMarkdown(b, src))
    .filter((md) => md !== "")
    .join("\n");
  const text = nested === "" ? title : `${title}\n${nested.replace(/^/gm, "  ")}`;
  if (ownLine(shape)) return { text, short: title, mode: "extract", asked: true };
  const hasChildren = child.children.length > 1;
  // "예) 입력 10, hidden 20 → 2480": the note's own example, asked by the section's exercise.
  if (!hasChildren && isExampleLine(title)) {
    host.skip(startLine(child, src), title, "worked-example", WORKED_EXAMPLE_MESSAGE);
    return { mode: "consumed" };
  }
  // "BatchNorm -> $1 \times 1$ Conv -> AvgPool" under a label: the label's stages, in order.
  const label = here[here.length - 1];
  const chain =
    leading && !hasChildren && label !== undefined && !/[?？]$/.test(label)
      ? readArrowChain({ markdown: title, codeMasked: takeAnchor(shape.codeMasked).text })
      : undefined;
  const chainFront = label === undefined ? "" : stepsFront(askedLabel(label, here));
  if (chain && !host.drafts.some((d) => d.idFront === chainFront && same(d.context, here))) {
    const line = startLine(child, src);
    host.drafts.push(chainStepsDraft(chain, chainFront, { line, lineEnd: line, context: here }));
    return { text, mode: "consumed", asked: true };
  }
  // Nested items asked by cards of their own ("Key ideas" over its list): the title stands for them.
  const nestedAsked = child.children
    .slice(1)
    .some((b) => b.type === "list" && b.children.some((item) => asksItself(host, item, src)));
  let cloze = false;
  if (!isNameLike(withoutEmphasis(title))) {
    // A statement that defines a term becomes a cloze on the term instead.
    const draft = definitionCloze(
      firstSentence({ markdown: title, codeMasked: takeAnchor(shape.codeMasked).text }),
      {
        line: startLine(child, src),
        lineEnd: startLine(child, src),
        context: here,
      },
    );
    if (draft) host.drafts.push(draft);
    cloze = draft !== undefined;
  }
  if (!hasChildren) return { text, mode: "consumed", ...(cloze ? { asked: true } : {}) };
  // A label with its own content gets its own card; a statement with children is quoted here.
  if (isNameLike(withoutEmphasis(title)))
    return { text, short: title, mode: "extract", asked: true };
  return {
    text,
    short: title,
    mode: "title-used",
    ...(nestedAsked ? { nestedAsked: true } : {}),
    ...(cloze ? { asked: true } : {}),
  };
}

/**
 * A line asked by a card of its own: a question, card syntax, or a term ("**Note**: …" and the
 * like are remarks, statements of their section, not terms).
 */
function ownLine(shape: LineShape): boolean {
  if (readQuestionArrow(shape) || shape.codeMasked.includes("::")) return true;
  const term = readTermExplanation(shape);
  return term !== undefined && !isRemarkLabel(term.term);
}

/** Whether a list item gets a card of its own: a question, a term, card syntax, a label over content. */
function asksItself(host: CardCollector, item: ListItem, src: NoteSource): boolean {
  const t = item.children[0];
  if (t?.type !== "paragraph" || isImageOnly(t)) return false;
  const shape = host.texts.get(t, src).joined;
  if (ownLine(shape)) return true;
  return item.children.length > 1 && isNameLike(withoutEmphasis(takeAnchor(shape.markdown).text));
}

/**
 * The back of a label's card: its paragraphs, math and quotes and each child's part
 * (`explainPart`), or the short parts when the whole is longer than `LONG_BACK_CHARS`. With
 * `leaveOutAsked` (an "Explain: label" card) the children asked by cards of their own are left out:
 * the back holds what nothing else asks, so a fact is reviewed once and the card stays focused. A
 * question's or a generic label's back ("Why 3x3?", "R-CNN: 단점") stays whole: it is their answer.
 * `hasText` says whether there is anything to ask about; `childModes`, how each child item is
 * walked after.
 */
export function explainBack(
  cards: CardCollector,
  body: RootContent[],
  src: NoteSource,
  here: string[],
  leaveOutAsked: boolean,
  /** Children a card of the label itself asks (its formula): left out of the back, consumed. */
  askedByLabel: ReadonlySet<ListItem> | undefined = undefined,
): {
  back: string;
  hasText: boolean;
  childModes: Map<ListItem, "extract" | "consumed" | "title-used">;
  /** When the body is only bulleted statements (no terms, no text of its own): those items. */
  statements?: { text: string; line: number; lineEnd: number }[];
} {
  const backParts: string[] = [];
  const shortParts: string[] = [];
  const imageParts: string[] = [];
  const childModes = new Map<ListItem, "extract" | "consumed" | "title-used">();
  const leftOut = new Set<ListItem>();
  const statements: { text: string; line: number; lineEnd: number }[] = [];
  let onlyStatements = body.length > 0;
  const firstBlock = body.find((b) => b.type !== "list" || !isImageOnly(b));
  /** A paragraph ending with a colon, right before a list: where it stands in the parts. */
  let intro: { back: number; short: number } | undefined;
  for (const b of body) {
    const introduced = intro;
    intro = undefined;
    if (b.type !== "list" || b.ordered) onlyStatements = false;
    if (b.type === "list") {
      const lines: string[] = [];
      const shortLines: string[] = [];
      b.children.forEach((child, k) => {
        if (askedByLabel?.has(child)) {
          childModes.set(child, "consumed");
          leftOut.add(child);
          return;
        }
        const part = explainPart(cards, child, src, here, b === firstBlock && k === 0);
        childModes.set(child, part.mode);
        const marker = b.ordered ? `${(b.start ?? 1) + k}.` : "-";
        const left = leaveOutAsked && part.asked === true;
        if (left) leftOut.add(child);
        // A statement whose nested items have cards of their own: its title stands for them.
        const shown = leaveOutAsked && part.nestedAsked ? part.short : part.text;
        if (shown !== undefined && !left) lines.push(`${marker} ${shown}`);
        if (part.text === undefined || part.mode === "extract") onlyStatements = false;
        else
          statements.push({
            text: part.text,
            line: startLine(child, src),
            lineEnd: endLine(child, src),
          });
        const brief = part.short ?? part.text;
        if (brief !== undefined && !left) shortLines.push(`${marker} ${brief}`);
      });
      if (lines.length > 0) backParts.push(lines.join("\n"));
      if (shortLines.length > 0) shortParts.push(shortLines.join("\n"));
      // "다음과 같다:" over items that all have cards of their own: it introduces nothing here.
      if (introduced && lines.length === 0) endIntro(backParts, introduced.back);
      if (introduced && shortLines.length === 0) endIntro(shortParts, introduced.short);
    } else if (b.type === "paragraph" && boldLabel(b) !== undefined) {
      // A bold line labels what follows (often a block indented like code); not an answer.
    } else if (b.type === "paragraph" || b.type === "math" || b.type === "blockquote") {
      const md = blockMarkdown(b, src);
      if (md !== "") (isImageOnly(b) ? imageParts : backParts).push(md);
      if (md !== "" && !isImageOnly(b)) shortParts.push(md);
      if (b.type === "paragraph" && !isImageOnly(b) && /[:：]\s*$/u.test(md)) {
        intro = { back: backParts.length - 1, short: shortParts.length - 1 };
      }
    }
  }
  const whole = [...backParts, ...imageParts].join("\n\n");
  const back =
    whole.length <= LONG_BACK_CHARS ? whole : [...shortParts, ...imageParts].join("\n\n");
  // Children that add nothing (a worked example left out) leave nothing to ask.
  const hasText =
    back.trim() !== "" &&
    body.some(
      (b) =>
        (b.type === "paragraph" && !isImageOnly(b) && boldLabel(b) === undefined) ||
        b.type === "math" ||
        b.type === "blockquote" ||
        (b.type === "list" &&
          b.children.some((c) => childModes.get(c) !== "extract" && !leftOut.has(c))),
    );
  return { back, hasText, childModes, ...(onlyStatements ? { statements } : {}) };
}

/** An intro sentence whose list is not on the back: dropped if it only announces, else ended. */
function endIntro(parts: string[], at: number): void {
  const text = parts[at];
  if (text === undefined) return;
  if (ANNOUNCES_NEXT.test(text.trim())) parts.splice(at, 1);
  else parts[at] = endSentence(text);
}

/** A label that says its list is a sequence: "Pipeline", "학습 과정", "NMS 순서", "Algorithm". */
const NAMES_SEQUENCE =
  /in order|순서|steps?\b|stages?\b|phases?\b|과정|단계|절차|process|pipeline|파이프라인|procedure|algorithm|알고리즘|흐름|flow/iu;

/** A label that is only a sequence ("R-CNN pipeline", "학습 과정", "순서"), for bulleted steps. */
const IS_SEQUENCE =
  /(?:^|\s)(?:pipeline|procedure|steps)$|(?:과정|단계|절차|순서|흐름|파이프라인)$/iu;

/** A label naming a set of points, not a sequence ("한계", "단점", "Limitations"): numbers only count them. */
const NAMES_POINTS =
  /(?:^|\s|의)(?:한계점?|단점|장점|장단점|문제점|특징|특성|limitations?|drawbacks?|disadvantages?|advantages?|pros|cons|weaknesses|strengths|issues|problems|properties|characteristics)\s*[:：]?$/iu;

/**
 * A numbered outline ("1. Gradient Descent 종류" over its kinds, "2. 업데이트 식" over a formula
 * per optimizer): every item is a one-line title over a nested list of its own, and together they
 * hold at least two sub-items per title. Its items are topics, each walked with its children; read
 * as steps, the titles would be one card and everything under them lost.
 */
function readsAsOutline(list: List): boolean {
  let nested = 0;
  for (const item of list.children) {
    const [title, ...rest] = item.children;
    if (title?.type !== "paragraph" || rest.length === 0) return false;
    if (!rest.every((b) => b.type === "list" || b.type === "math")) return false;
    for (const b of rest) if (b.type === "list") nested += b.children.length;
  }
  return nested >= 2 * list.children.length;
}

/**
 * Whether a list reads as steps in order. A numbered list of `term: explanation` items
 * ("1. **Generalization**: …", "2. Early stopping: …") is a list of definitions, each asked on
 * its own, unless its label says it is a sequence ("Pipeline", "과정") or its terms are step names
 * ("Step 1: …"). With `bulleted`, a bulleted list is steps too when its label is a sequence's
 * name ("Pipeline" over the stages of R-CNN).
 */
export function readsAsSteps(
  list: List,
  label: string | undefined,
  src: NoteSource,
  texts: ParagraphTexts,
  bulleted = false,
): boolean {
  if (list.children.length < 2) return false;
  const clean = label === undefined ? "" : cleanLabel(label);
  if (!list.ordered) return bulleted && IS_SEQUENCE.test(clean);
  if (NAMES_POINTS.test(clean)) return false;
  if (NAMES_SEQUENCE.test(clean)) return true;
  if (readsAsOutline(list)) return false;
  const terms = list.children.map((item) => {
    const t = item.children[0];
    return t?.type === "paragraph"
      ? readTermExplanation(texts.get(t, src).joined)?.term
      : undefined;
  });
  const definitions = terms.every(
    (t) => t !== undefined && !NAMES_SEQUENCE.test(t) && !/^\P{L}*$/u.test(cleanLabel(t)),
  );
  return (
    !definitions || new Set(terms.map((t) => cleanLabel(t ?? "").toLowerCase())).size < terms.length
  );
}

/**
 * The children of a `term: explanation` item are its card's extra. A child that is itself a term
 * or a question ("장점: …" under "Max pooling: …") also gets a card of its own, asked under the
 * term ("Max pooling: 장점"); the other children stay consumed. Undefined when no child is one.
 */
export function termChildren(
  host: CardCollector,
  title: LineShape,
  body: RootContent[],
  src: NoteSource,
  context: string[],
): { context: string[]; children: [ListItem, "title-used" | "consumed"][] } | undefined {
  const term = readTermExplanation(title)?.term;
  if (term === undefined || !body.every((b) => b.type !== "list" || !b.ordered)) return undefined;
  const children = body.flatMap((b) => (b.type === "list" ? b.children : []));
  const modes = children.map((child): [ListItem, "title-used" | "consumed"] => {
    const t = child.children[0];
    const shape = t?.type === "paragraph" ? host.texts.get(t, src).joined : undefined;
    const own = shape && (readTermExplanation(shape) || readQuestionArrow(shape));
    return [child, own ? "title-used" : "consumed"];
  });
  if (!modes.some(([, mode]) => mode === "title-used")) return undefined;
  return { context: [...context, contextLabel(withoutEmphasis(term))], children: modes };
}
