/**
 * What a walk over a note finds: card drafts, issues and skipped items, and the cards made from a
 * single line's shape (`question ==> answer`, `term : explanation`, a line introducing a list).
 */

import type { List } from "mdast";
import { chainStepsDraft, readArrowChain } from "./arrow-chains.ts";
import { itemHead, MAX_RECALL_ITEMS } from "./block-shapes.ts";
import { type CardDraft, listRecallDraft } from "./card-draft.ts";
import { isGenericLabel } from "./card-flags.ts";
import {
  cleanLabel,
  isNameLike,
  isRemarkLabel,
  type LineShape,
  leansOnContext,
  namesComparison,
  namesSummary,
  readEquations,
  readInlineQuestion,
  readQuestionArrow,
  readTermExplanation,
  wordCount,
} from "./line-shapes.ts";
import { endLine, type NoteSource, ParagraphTexts, takeAnchor } from "./markdown-source.ts";
import { splitProsCons } from "./pros-cons.ts";
import type { TNoteIssue, TSkippedItem } from "./schema.ts";
import {
  announcedSubject,
  askedLabel,
  definitionCloze,
  firstSentence,
  stepsFront,
} from "./section-cards.ts";
import { DIARY_LINE, isDiaryLine, nonStudyLine } from "./study-shapes.ts";
import { holdsNumbers, isExampleTerm, WORKED_EXAMPLE_MESSAGE } from "./worked-examples.ts";

export type WalkIssue = Omit<TNoteIssue, "file">;
export type WalkSkip = Omit<TSkippedItem, "file">;

export class CardCollector {
  readonly drafts: CardDraft[] = [];
  readonly issues: WalkIssue[] = [];
  readonly skipped: WalkSkip[] = [];
  /** Each paragraph's text, read once per walk. */
  readonly texts = new ParagraphTexts();

  /** `question ==> answer` and `term : explanation` lines. Returns true when the line was used. */
  questionOrTerm(
    shape: LineShape,
    lineNo: number,
    lineEnd: number,
    context: string[],
    extra?: string,
    bothDirections = false,
  ): boolean {
    const anchored = takeAnchor(shape.markdown);
    const maskedAnchored = takeAnchor(shape.codeMasked);
    const clean = { markdown: anchored.text, codeMasked: maskedAnchored.text };
    const inline = readInlineQuestion(clean);
    const question = readQuestionArrow(clean) ?? (inline && readQuestionArrow(inline));
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
      this.basic(withSubject(question.front, context), question.back, {
        idFront: question.front,
        lineNo,
        lineEnd,
        context,
        extra,
        anchor: anchored.anchor,
      });
      return true;
    }
    const term = readTermExplanation(clean);
    // "느낀점: …", "TODO: …", "참고: [CS231n](…)": a diary, to-do or link line is not study material.
    // "오늘 공부 시간: 3h / 컨디션 좋음": the writer's day, whatever follows the colon.
    const nonStudy =
      term &&
      (nonStudyLine(term) ??
        (isDiaryLine(term.term) && !namesSummary(term.term) ? DIARY_LINE : undefined));
    if (nonStudy) {
      this.skip(lineNo, shape.markdown, nonStudy.reason, nonStudy.message);
      return true;
    }
    // "예: 입력 32, 커널 5 …", "e.g. 3x3 conv, 64 → 128: …": the note's own example, not a fact.
    if (term && isExampleTerm(term.term) && holdsNumbers(clean.markdown)) {
      this.skip(lineNo, shape.markdown, "worked-example", WORKED_EXAMPLE_MESSAGE);
      return true;
    }
    // "**Note**: …" asks nothing: the line is a statement of its section.
    if (term && isRemarkLabel(term.term)) return false;
    if (term) {
      // "He: ReLU" (He initialization): a one-word term is a name; a pronoun leans on the text
      // before it only when a sentence follows it ("This method: …").
      if ((leansOnContext(term.term) && wordCount(term.term) > 1) || term.term.length < 2) {
        this.skip(
          lineNo,
          shape.markdown,
          "not-self-contained",
          "the term needs the note to be understood",
        );
        return true;
      }
      // "정의: X는 …이다" names the defined term inside: a cloze on it.
      if (/^(?:정의|뜻|definition|def\.?)$/iu.test(cleanLabel(term.term))) {
        const at = clean.markdown.length - term.explanation.length;
        const shape = { markdown: term.explanation, codeMasked: clean.codeMasked.slice(at) };
        const cloze = definitionCloze(firstSentence(shape), { line: lineNo, lineEnd, context });
        if (cloze) {
          this.drafts.push(cloze);
          return true;
        }
      }
      // "장점: … 단점: …" on one line: two cards, one per side.
      const sides = splitProsCons(term, clean);
      if (sides) {
        sides.forEach((side, k) => {
          const first = k === 0 ? { extra, anchor: anchored.anchor } : {};
          this.termCard(side, { lineNo, lineEnd, context, ...first });
        });
        return true;
      }
      // "R-CNN: 후보 영역 추출 -> CNN 특징 추출 -> SVM 분류": the term's pipeline, in order (a term
      // with children keeps them as its card's extra instead).
      const at = clean.markdown.length - term.explanation.length;
      const chain =
        !bothDirections && (extra === undefined || extra === "")
          ? readArrowChain({
              markdown: term.explanation,
              codeMasked: clean.codeMasked.slice(at, at + term.explanation.length),
            })
          : undefined;
      if (chain) {
        const asked = askedLabel(term.term, [...context, cleanLabel(term.term)]);
        this.drafts.push(
          chainStepsDraft(chain, stepsFront(asked), {
            line: lineNo,
            lineEnd,
            context,
            anchor: anchored.anchor,
          }),
        );
        return true;
      }
      // `name: $formula$` asks for the formula by its purpose.
      const formula = /^\$([^$]+)\$\.?$/.exec(term.explanation.trim());
      // "기본값: $\beta_1 = 0.9$" sets a value: a fact about the term, not a formula to recall.
      if (formula?.[1]?.includes("=") && !setsValues(formula[1])) {
        // "수식: $h_t = …$" names no formula: it is the formula of its section ("Formula: RNN").
        const subject = context[context.length - 1];
        const name = isGenericLabel(term.term) && subject !== undefined ? subject : term.term;
        this.basic(`Formula: ${name}`, `$$\n${formula[1].trim()}\n$$`, {
          idFront: `Formula: ${term.term}`,
          lineNo,
          lineEnd,
          context,
          extra,
          anchor: anchored.anchor,
        });
        return true;
      }
      // "Regularization 종류: L1, L2, Dropout, …": the kinds, recalled one by one.
      const kinds = bothDirections ? undefined : kindNames(term);
      if (kinds) {
        const asked = askedLabel(term.term, [...context, cleanLabel(term.term)]);
        this.drafts.push(
          listRecallDraft(
            `${asked} — name all ${kinds.length}`,
            kinds.map((text) => ({ text })),
            false,
            { idFront: term.term, line: lineNo, lineEnd, context, anchor: anchored.anchor },
          ),
        );
        return true;
      }
      this.termCard(term, {
        lineNo,
        lineEnd,
        context,
        extra,
        anchor: anchored.anchor,
        both: bothDirections,
      });
      return true;
    }
    // `Precision = TP/(TP+FP)`: asked by its name, like `name: $formula$`.
    const equations = readEquations(clean);
    if (equations) {
      for (const e of equations) {
        this.basic(`Formula: ${e.name}`, e.equation, {
          lineNo,
          lineEnd,
          context,
          extra,
          anchor: anchored.anchor,
        });
      }
      return true;
    }
    return false;
  }

  /** A `term: explanation` card; a generic term is asked with its section ("Fast R-CNN: 핵심"). */
  private termCard(
    term: { term: string; explanation: string },
    at: {
      lineNo: number;
      lineEnd: number;
      context: string[];
      extra?: string | undefined;
      anchor?: string | undefined;
      both?: boolean;
    },
  ): void {
    const { context } = at;
    // A generic term ("핵심: …", "Pros: …") is asked with its section ("Fast R-CNN: 핵심").
    const subject = context[context.length - 1];
    const generic = isGenericLabel(term.term) && subject !== undefined && !isGenericLabel(subject);
    // One side of a comparison ("학습: …" under "학습 vs 추론") is asked with what is compared
    // ("Batch Normalization — 학습"), the heading above the comparison.
    const parent = context[context.length - 2];
    const side =
      subject !== undefined &&
      parent !== undefined &&
      namesComparison(subject) &&
      !namesComparison(parent) &&
      subject.toLowerCase().includes(cleanLabel(term.term).toLowerCase());
    const front = side
      ? `${parent} — ${term.term}`
      : generic
        ? `${subject}: ${term.term}`
        : term.term;
    this.basic(front, term.explanation, { ...at, idFront: term.term });
  }

  private basic(
    front: string,
    back: string,
    at: {
      /** The text the id comes from, when the front shown adds context to it. */
      idFront?: string;
      lineNo: number;
      lineEnd: number;
      context: string[];
      extra?: string | undefined;
      anchor?: string | undefined;
      both?: boolean;
    },
  ): void {
    const place = {
      idFront: at.idFront ?? front,
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

  listFromIntro(
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
    const stated = takeAnchor(intro)
      .text.replace(/[:：]\s*$/, "")
      .trim();
    // "일반화 성능을 높이는 방법은 다음과 같다:" asks for "일반화 성능을 높이는 방법".
    const subject = announcedSubject(stated);
    const written = subject === undefined ? stated : `${subject} — name all ${items.length}`;
    // "Steps to compute it" and a bare "Steps:" need the section they are in.
    const section = context[context.length - 1];
    const front =
      section !== undefined &&
      (/\b(?:it|this|these|them|they)\b|이것|그것|이를/iu.test(written) || isGenericLabel(written))
        ? `${section}: ${written}`
        : written;
    this.drafts.push(
      listRecallDraft(
        front,
        items.map((i) => ({ text: i?.head ?? "" })),
        list.ordered === true,
        {
          idFront: stated,
          line: lineNo,
          lineEnd: endLine(list, src),
          context,
          anchor: takeAnchor(intro).anchor,
        },
      ),
    );
    return true;
  }

  skip(line: number, text: string, reason: WalkSkip["reason"], message: string): void {
    const excerpt = text.replace(/\s+/g, " ").trim();
    this.skipped.push({
      line,
      text: excerpt.length > 80 ? `${excerpt.slice(0, 77)}…` : excerpt,
      reason,
      message,
    });
  }
}

/** TeX that only sets symbols to numbers: `\beta_1 = 0.9`, `\beta_1 = 0.9, \epsilon = 10^{-8}`. */
function setsValues(tex: string): boolean {
  return tex
    .split(/,|;|\\quad|\\,/)
    .every((part) =>
      /^\s*[\\A-Za-z][\\\w{}^]*\s*=\s*-?[\d.]+(?:\^\{?-?\d+\}?)?(?:\s*\\times\s*10\^\{?-?\d+\}?)?\s*$/.test(
        part,
      ),
    );
}

/** A term that names a set of kinds: "종류", "Regularization 기법", "Types of pooling". */
const KIND_WORDS =
  /\b(?:types?|kinds?|variants|models|methods|techniques|architectures|layers|components)\b|종류|유형|기법|구성\s*요소/iu;

/**
 * The names a kinds term lists after its colon ("L1, L2, Dropout, Batch normalization, …"): more
 * than five short names separated by commas (commas inside brackets or math do not separate).
 */
function kindNames(term: { term: string; explanation: string }): string[] | undefined {
  if (!KIND_WORDS.test(cleanLabel(term.term))) return undefined;
  const parts: string[] = [];
  let depth = 0;
  let math = false;
  let from = 0;
  const text = term.explanation.replace(/[.。]\s*$/u, "");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "$") math = !math;
    else if (!math && (ch === "(" || ch === "[")) depth++;
    else if (!math && (ch === ")" || ch === "]")) depth = Math.max(0, depth - 1);
    else if (!math && depth === 0 && (ch === "," || ch === "、")) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  const names = parts.map((p) => p.replace(/^(?:and|or|및|그리고)\s+/iu, "").trim());
  // Up to five short names read well as one answer; more are hard to review as one card.
  if (names.length <= 5 || names.length > MAX_RECALL_ITEMS) return undefined;
  const short = names.every(
    (n) => n !== "" && isNameLike(n) && wordCount(n) <= 5 && !/[:：=]/.test(n),
  );
  return short ? names : undefined;
}

/**
 * A question that does not name what it asks about gets its section as a prefix ("VGGNet: Why
 * $3 \times 3$ convolution?"); the id still comes from the question as written.
 */
function withSubject(front: string, context: string[]): string {
  const subject = context[context.length - 1];
  if (subject === undefined || !/[?？]$/.test(front.trim()) || namesSummary(subject)) return front;
  const plain = (t: string) =>
    t
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  if (isGenericLabel(subject) || context.some((c) => plain(front).includes(plain(c)))) return front;
  const words = subject.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 4);
  if (
    words.some(
      (w) =>
        !/^(?:note|notes|about|with|from|what|more)$/i.test(w) && plain(front).includes(plain(w)),
    )
  ) {
    return front;
  }
  return `${subject}: ${front}`;
}
