/**
 * Cards made from the statements gathered under one heading or label (a "scope"): each
 * definition sentence becomes a cloze on its term, the first stated formula a "Formula:" card,
 * and the statements that no atomic card covers one "Explain:" card holding the whole section, so
 * nothing is lost. A generic label ("How?", "과정") is asked with its parent ("Padding — 왜할까?").
 */
import { chainStepsDraft, readArrowChain } from "./arrow-chains.ts";
import { isEquation, MAX_RECALL_ITEMS } from "./block-shapes.ts";
import { type CardDraft, listRecallDraft } from "./card-draft.ts";
import { isGenericLabel } from "./card-flags.ts";
import {
  cleanLabel,
  isNameLike,
  type LineShape,
  leansOnContext,
  namesCollection,
  splitFirstSentence,
  wordCount,
} from "./line-shapes.ts";
import { readDefinition } from "./study-shapes.ts";
import { subjectCards, subjectGroups } from "./subject-split.ts";

/** The first sentence of a one-line shape (the whole line when it is one sentence). */
export function firstSentence(shape: { markdown: string; codeMasked?: string }): LineShape {
  const line = {
    markdown: shape.markdown.split("\n")[0] ?? "",
    codeMasked: (shape.codeMasked ?? shape.markdown).split("\n")[0] ?? "",
  };
  const split = splitFirstSentence(line);
  if (split.rest === undefined) return line;
  const end = line.markdown.indexOf(split.rest);
  const head = line.markdown.slice(0, end).trim();
  return { markdown: head, codeMasked: line.codeMasked.slice(0, head.length) };
}

export interface ScopeStatement {
  markdown: string;
  /** The text with inline code and math masked, when it is one line of prose. */
  codeMasked?: string;
  line: number;
  lineEnd?: number;
  /** Came from a list item: shown as a bullet on the back. */
  bullet?: boolean;
}

export interface Scope {
  label?: string;
  context: string[];
  statements: ScopeStatement[];
  /** Set under a bold label such as "**느낀 점**": what follows is not study material. */
  notStudy?: boolean;
}

/**
 * The front of a card explaining a label: "Explain: Padding", a question as written, and a
 * generic label with its parent as it is ("R-CNN: 단점", not "Explain: R-CNN: 단점").
 */
export function explainFront(label: string, context: string[]): string {
  const asked = askedLabel(label, context);
  return /[?？]$/.test(asked) || asked !== cleanLabel(label) ? asked : `Explain: ${asked}`;
}

/** A label as asked on a card: a generic one gets its parent ("ResNet — How?", "R-CNN: 과정"). */
export function askedLabel(label: string, context: string[]): string {
  const clean = cleanLabel(label);
  if (!isGenericLabel(clean)) return clean;
  const parent = context.length >= 2 ? context[context.length - 2] : undefined;
  if (parent === undefined) return clean;
  return /[?？]$/.test(clean) ? `${parent} — ${clean}` : `${parent}: ${clean}`;
}

/** A line that is only a formula: `$$…$$`, or inline math stating a relation (`=`, `\leftarrow`). */
function formulaOnly(s: ScopeStatement): string | undefined {
  const md = s.markdown.trim();
  if (/^\$\$[\s\S]*\$\$$/.test(md)) return md;
  const inline = /^\$([^$]+)\$\.?$/.exec(md);
  if (inline?.[1] !== undefined && isEquation(inline[1])) return `$$\n${inline[1].trim()}\n$$`;
  return undefined;
}

export function definitionCloze(
  shape: LineShape,
  at: { line: number; lineEnd: number; context: string[] },
): CardDraft | undefined {
  const def = readDefinition(shape);
  if (!def) return undefined;
  // The heading path is shown above the card: a term it names would be given away, whether it is
  // the whole heading ("Pooling") or a word of it ("Overfitting이란?", "What is dropout?").
  const term = cleanLabel(def.term).toLowerCase();
  if (at.context.some((c) => namesTerm(cleanLabel(c).toLowerCase(), term))) return undefined;
  const md = shape.markdown;
  const before = md.slice(0, def.from);
  const after = md.slice(def.to);
  return {
    kind: "cloze",
    text: `${before}{{c1::${def.term}}}${after}`.trim(),
    clozeNumber: 1,
    front: `${before}[…]${after}`.trim(),
    back: `${before}==${def.term}==${after}`.trim(),
    answers: [def.term],
    idFront: `${before}[…]${after}`.trim(),
    discriminator: "c1",
    lineStart: at.line,
    lineEnd: at.lineEnd,
    context: at.context,
    siblingKey: `L${at.line}`,
    origin: "extracted",
  };
}

/** Whether a heading holds a term as a word of its own (not inside a longer word). */
function namesTerm(heading: string, term: string): boolean {
  if (heading === term) return true;
  const at = heading.indexOf(term);
  if (at === -1 || term.length < 2) return false;
  const before = heading.slice(0, at);
  const after = heading.slice(at + term.length);
  // A Korean particle may follow the term ("Overfitting이란?"); Latin letters may not.
  return !/[\p{L}\p{N}]$/u.test(before) && !/^[A-Za-z0-9]/.test(after);
}

/** A sentence that only announces what follows: "…다음과 같다.", "… as follows:". */
export const ANNOUNCES_NEXT =
  /^[^\n]*(?:(?:다음|아래)(?:과|와)\s*같(?:다|습니다|음|이)|as\s+follows|the\s+following)\s*[.:：]?$/iu;

/**
 * What a sentence announcing a list names: "Pooling의 장점은 다음과 같다:" → "Pooling의 장점", "The
 * steps of NMS are as follows:" → "The steps of NMS". Undefined when it names nothing short.
 */
export function announcedSubject(line: string): string | undefined {
  const t = line.trim();
  const subject =
    /^(.{2,60}?)(?:은|는|이|가)\s*(?:다음과|아래와)\s*같(?:다|습니다|음)\s*[.:：]?$/u.exec(
      t,
    )?.[1] ??
    /^(.{2,60}?)\s+(?:are|is)\s+(?:as\s+follows|the\s+following)\s*[.:：]?$/iu.exec(t)?.[1];
  if (subject === undefined) return undefined;
  const clean = subject.trim();
  return isNameLike(clean) && wordCount(clean) <= 6 && !leansOnContext(clean) ? clean : undefined;
}

/** A one-word formula name whose head noun wants the word before it ("손실 함수", "cross-entropy loss"). */
const FORMULA_HEAD =
  /^(?:함수|손실|오차|분포|확률|목적\s*함수|loss|objective|function|likelihood|error|bound)$/iu;
/** What names no formula of its own: the section's formula it is. */
const NO_FORMULA_NAME =
  /^(?:(?:수|공|등)?식|수식|공식|formula|equation|expression|다음|아래|위|이|그|following|it|this|that)$/iu;

/**
 * What a sentence introducing the formula under it says the formula is: "The ELBO is:" → "ELBO",
 * "VAE maximizes the following likelihood:" → "likelihood", "VAE는 다음 likelihood를 최대화한다:" →
 * "likelihood", "손실 함수는 다음과 같이 정의된다:" → "손실 함수". Empty when it only
 * announces a formula ("The formula is:", "수식은 다음과 같다."), undefined when it names nothing short.
 */
export function formulaIntroName(markdown: string): string | undefined {
  const t = markdown.trim();
  if (t.includes("\n") || t.includes("$")) return undefined;
  const announced = ANNOUNCES_NEXT.test(t) ? announcedSubject(t) : undefined;
  let name = announced;
  if (name === undefined) {
    if (!/[:：]$/u.test(t)) return undefined;
    const body = t.replace(/\s*[:：]$/u, "").trim();
    const en =
      /^(?:(?:the|a|an|our)\s+)?(.+?)\s+(?:is|are|becomes|reads|can\s+be\s+written(?:\s+as)?|is\s+(?:defined|given|written|computed)(?:\s+(?:as|by))?)(?:\s+as\s+follows)?$/iu.exec(
        body,
      )?.[1] ??
      /\s(?:maximi[sz]es?|minimi[sz]es?|optimi[sz]es?|uses?|computes?)\s+(?:the\s+following|this|the)\s+([^,;]+)$/iu.exec(
        body,
      )?.[1];
    const koSubject =
      /^(.+?)(?:은|는|이|가)\s+(?:(?:다음|아래)(?:과|와)\s*같이\s+)?(?:정의된다|정의한다|정의됩니다|표현된다|계산된다|주어진다|쓸\s*수\s*있다)$/u.exec(
        body,
      )?.[1];
    const koObject = /(?:^|\s)(?:(\S+)\s+)?([^\s,]+)(?:을|를)\s+(?:\S+\s+)?\S+다$/u.exec(body);
    const object =
      koObject?.[2] === undefined
        ? undefined
        : koObject[1] !== undefined &&
            FORMULA_HEAD.test(koObject[2]) &&
            !NO_FORMULA_NAME.test(koObject[1]) &&
            !/(?:은|는|이|가|의|에|로|서|고|며|면|어|아|여)$/u.test(koObject[1])
          ? `${koObject[1]} ${koObject[2]}`
          : koObject[2];
    name = en ?? koSubject ?? object;
  }
  const clean = name?.trim();
  if (clean === undefined || clean === "") return undefined;
  if (NO_FORMULA_NAME.test(clean)) return "";
  if (!isNameLike(clean) || wordCount(clean) > 5 || leansOnContext(clean)) return undefined;
  if (isGenericLabel(clean)) return undefined;
  return clean;
}

/** "$p_n$: n-gram precision", "$w_n$ — weight", "$\\beta$는 momentum 계수": what a symbol of a formula stands for. */
const SYMBOL_LEGEND = /^\$[^$=\n]{1,30}\$\s*(?:[:：]|\s[-–—]\s|(?:은|는)\s)\s*\S[^\n]*$/u;

/** The cards of a closed scope, and the statements it could not ask about (no label). */
export function scopeCards(scope: Scope): { drafts: CardDraft[]; unasked: ScopeStatement[] } {
  const names = namesCard(scope);
  if (names) return { drafts: [names], unasked: [] };
  const drafts: CardDraft[] = [];
  const uncovered: ScopeStatement[] = [];
  /** Statements a card of their own asks whole (a definition's cloze, the pipeline, the formula). */
  const asked = new Set<ScopeStatement>();
  /** Sentences that only point at what follows: on no back, not even a question's. */
  const announcements = new Set<ScopeStatement>();
  let formulaDone = false;
  /** The Formula card while the statements right after its formula are formulas too. */
  let formulaCard: Extract<CardDraft, { kind: "basic" }> | undefined;
  // "The ELBO is:" over `$$…$$`: the formula is named by the sentence introducing it, which its
  // card then asks (each formula so introduced is a card of its own, not the section's).
  const formulaNames = new Map<ScopeStatement, string>();
  const intros = new Set<ScopeStatement>();
  scope.statements.forEach((s, k) => {
    const intro = scope.statements[k - 1];
    if (intro === undefined || intro.bullet || formulaOnly(s) === undefined) return;
    const name = formulaIntroName(intro.markdown);
    if (name === undefined) return;
    if (name !== "") formulaNames.set(s, name);
    intros.add(intro);
  });
  /** The last Formula card while only its symbols' legend follows it. */
  let legendOf: Extract<CardDraft, { kind: "basic" }> | undefined;
  let legendLines = 0;
  for (const s of scope.statements) {
    // "$p_n$: n-gram precision" under the formula: its legend, on its card's back.
    if (legendOf !== undefined && SYMBOL_LEGEND.test(s.markdown.trim())) {
      legendOf.back = `${legendOf.back}${legendLines === 0 ? "\n\n" : "\n"}- ${s.markdown.trim()}`;
      legendOf.lineEnd = s.lineEnd ?? s.line;
      legendLines++;
      asked.add(s);
      formulaCard = undefined;
      continue;
    }
    legendOf = undefined;
    legendLines = 0;
    if (intros.has(s)) {
      asked.add(s);
      formulaCard = undefined;
      continue;
    }
    // "$PE_{(pos,2i)} = \sin …$" then "$PE_{(pos,2i+1)} = \cos …$": one formula in two lines.
    const more = formulaCard === undefined ? undefined : formulaOnly(s);
    if (formulaCard !== undefined && more !== undefined) {
      formulaCard.back = `${formulaCard.back}\n\n${more}`;
      formulaCard.lineEnd = s.lineEnd ?? s.line;
      legendOf = formulaCard;
      asked.add(s);
      continue;
    }
    formulaCard = undefined;
    const shape =
      s.codeMasked === undefined ? undefined : { markdown: s.markdown, codeMasked: s.codeMasked };
    const cloze = shape
      ? definitionCloze(firstSentence(shape), {
          line: s.line,
          lineEnd: s.line,
          context: scope.context,
        })
      : undefined;
    if (cloze) {
      drafts.push(cloze);
      // A definition with more to it (children, further sentences) still belongs to the section.
      if (s.markdown.includes("\n") || firstSentence(shape ?? s).markdown !== s.markdown.trim()) {
        uncovered.push(s);
      } else asked.add(s);
      continue;
    }
    // "R-CNN의 동작 과정은 다음과 같다.", "The steps are as follows:": it only points at what comes
    // next (a list carded on its own) and answers nothing by itself.
    if (ANNOUNCES_NEXT.test(s.markdown.trim())) {
      announcements.add(s);
      continue;
    }
    // "BatchNorm -> $1 \times 1$ Conv -> AvgPool" opening "Transition Block": its stages, in
    // order (further down a section, a chain is one remark among others, not what it is about).
    const chain =
      shape && scope.label !== undefined && s === scope.statements[0] && !s.markdown.includes("\n")
        ? readArrowChain(shape)
        : undefined;
    if (chain && scope.label !== undefined) {
      const front = stepsFront(askedLabel(scope.label, scope.context));
      drafts.push(
        chainStepsDraft(chain, front, {
          line: s.line,
          lineEnd: s.lineEnd ?? s.line,
          context: scope.context,
        }),
      );
      asked.add(s);
      continue;
    }
    const formula = formulaOnly(s);
    const named = formulaNames.get(s);
    if (formula !== undefined && scope.label !== undefined && (!formulaDone || named)) {
      formulaDone = true;
      const front = `Formula: ${named ?? askedLabel(scope.label, scope.context)}`;
      formulaCard = {
        kind: "basic",
        front,
        back: formula,
        direction: "forward",
        idFront: front,
        lineStart: s.line,
        lineEnd: s.lineEnd ?? s.line,
        context: scope.context,
        siblingKey: `L${s.line}`,
        origin: "extracted",
      };
      drafts.push(formulaCard);
      legendOf = formulaCard;
      asked.add(s);
      continue;
    }
    uncovered.push(s);
  }
  if (uncovered.length === 0) return { drafts, unasked: [] };
  if (scope.label === undefined) return { drafts, unasked: uncovered };
  const first = scope.statements[0];
  const last = scope.statements[scope.statements.length - 1];
  if (!first || !last) return { drafts, unasked: [] };
  // A question label is asked as it is ("Padding — 왜할까?"), anything else is to be explained.
  const front = explainFront(scope.label, scope.context);
  // As under a list item's label (explainBack's leaveOutAsked): an "Explain" back holds what no
  // other card of the section asks, so the formula or the pipeline is reviewed once, on its own
  // card. A question's or a generic label's back stays whole: it is their answer.
  const shown = withoutDanglingIntros(
    scope.statements.filter(
      (s) => !announcements.has(s) && (!front.startsWith("Explain: ") || !asked.has(s)),
    ),
  );
  const bySubject = subjectGroups(shown, (s) => s.markdown, scope.label, front);
  if (bySubject) {
    const lines = (s: ScopeStatement) => ({ line: s.line, lineEnd: s.lineEnd ?? s.line });
    const place = { context: scope.context, siblingKey: `L${first.line}` };
    const back = (parts: ScopeStatement[]) =>
      statementsBack(parts.length === 1 ? parts.map((p) => ({ ...p, bullet: false })) : parts);
    drafts.push(...subjectCards(bySubject, back, lines, place));
    return { drafts, unasked: [] };
  }
  const back = statementsBack(shown);
  const lone = uncovered.length === 1 && shown.length === 1 ? uncovered[0] : undefined;
  drafts.push({
    kind: "basic",
    front,
    back,
    direction: "forward",
    idFront: `Explain: ${cleanLabel(scope.label)}`,
    lineStart: first.line,
    lineEnd: last.lineEnd ?? last.line,
    context: scope.context,
    siblingKey: `L${first.line}`,
    origin: "extracted",
    ...(lone && leansOnContext(lone.markdown) ? { flags: ["fragment" as const] } : {}),
  });
  return { drafts, unasked: [] };
}

/**
 * A sentence that introduces a list ("Position information is added to the embeddings:") whose
 * items are not on the back (their own cards ask them) ends the back with a colon pointing at
 * nothing: it ends with a full stop instead.
 */
function withoutDanglingIntros(statements: ScopeStatement[]): ScopeStatement[] {
  return statements.map((s, k) => {
    const next = statements[k + 1];
    if (s.bullet || next?.bullet || !/[:：]\s*$/u.test(s.markdown)) return s;
    return { ...s, markdown: endSentence(s.markdown) };
  });
}

/** A line ending with a colon, ended with a full stop instead. */
export function endSentence(markdown: string): string {
  return markdown.replace(/\s*[:：]\s*$/u, ".");
}

/**
 * "**종류**" over bulleted names ("Sigmoid", "Tanh", "ReLU", …): the names, recalled one by one,
 * rather than one card whose back is the whole list.
 */
function namesCard(scope: Scope): CardDraft | undefined {
  const { label, statements } = scope;
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (label === undefined || !namesCollection(label) || !first || !last) return undefined;
  if (statements.length < 3 || statements.length > MAX_RECALL_ITEMS * 2) return undefined;
  const names = statements.every(
    (s) =>
      s.bullet === true &&
      !s.markdown.includes("\n") &&
      !/[:：]/.test(s.codeMasked ?? s.markdown) &&
      isNameLike(s.markdown) &&
      wordCount(s.markdown) <= 6,
  );
  if (!names) return undefined;
  const front = `${askedLabel(label, scope.context)} — name all ${statements.length}`;
  return listRecallDraft(
    front,
    statements.map((s) => ({ text: s.markdown.trim() })),
    false,
    { line: first.line, lineEnd: last.lineEnd ?? last.line, context: scope.context },
  );
}

/** Statements as a card's back: paragraphs apart, consecutive bullets as one list. */
function statementsBack(statements: ScopeStatement[]): string {
  const blocks: string[] = [];
  let previousBullet = false;
  for (const s of statements) {
    const text = s.bullet ? `- ${s.markdown.split("\n").join("\n  ")}` : s.markdown;
    if (s.bullet && previousBullet) blocks[blocks.length - 1] += `\n${text}`;
    else blocks.push(text);
    previousBullet = s.bullet === true;
  }
  return blocks.join("\n\n");
}

/** The front of an ordered list's card: the label, saying "in order" unless it already does. */
export function stepsFront(asked: string): string {
  const label = asked.replace(/[:：]\s*$/, "");
  return /in order|순서|steps|과정|단계|절차|process|pipeline|파이프라인|procedure/iu.test(label)
    ? label
    : `${label}: steps in order`;
}
