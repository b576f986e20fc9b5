/**
 * Explicit authoring syntax inside one paragraph, compatible with the Obsidian Spaced Repetition
 * plugin: `front::back`, `front:::back` (both directions), multi-line cards split by a `?` (or
 * `??`) line, and clozes written `==text==` or `{{c1::text}}` (optionally `{{c1::text::hint}}`).
 */
import type { CardDraft } from "./card-draft.ts";
import type { LineShape } from "./line-shapes.ts";
import { MASK, takeAnchor } from "./markdown-source.ts";
import type { TNoteIssue } from "./schema.ts";

const CLOZE_ANKI = /\{\{c(\d+)::([\s\S]*?)(?:::([^}]*))?\}\}/g;
const CLOZE_HIGHLIGHT = /==(?!>)([^=\n](?:[^=\n]|=(?!=))*?)==(?!>)/g;

export interface ExplicitResult {
  drafts: CardDraft[];
  issues: Omit<TNoteIssue, "file">[];
}

interface Place {
  context: string[];
  lineEnd: number;
}

/**
 * Reads authoring syntax in a paragraph (its `inlineMarkdown` and `codeMasked` twin, starting on line
 * `first`). Returns undefined when the paragraph holds none, so the caller may try extraction
 * instead.
 */
export function readExplicitCards(
  { markdown, codeMasked }: LineShape,
  first: number,
  place: Place,
): ExplicitResult | undefined {
  // Line numbers inside the paragraph: inlineMarkdown drops blank lines, which paragraphs never hold.
  const issues: ExplicitResult["issues"] = [];

  const unclosedAnki = findUnclosedAnkiCloze(codeMasked);
  if (unclosedAnki !== undefined) {
    issues.push({
      severity: "error",
      code: "cloze-unclosed",
      message: `unclosed cloze "{{c…::" (missing "}}")`,
      line: first + lineIndexAt(markdown, unclosedAnki),
    });
    return { drafts: [], issues };
  }

  const lines = markdown.split("\n");
  const maskedLines = codeMasked.split("\n");

  // Multi-line card: front lines, a line holding only ? (or ?? for both directions), back lines.
  const splitAt = maskedLines.findIndex((line) => line.trim() === "?" || line.trim() === "??");
  if (splitAt !== -1) {
    const both = maskedLines[splitAt]?.trim() === "??";
    const front = takeAnchor(lines.slice(0, splitAt).join("\n"));
    const back = takeAnchor(lines.slice(splitAt + 1).join("\n"));
    const anchor = front.anchor ?? back.anchor;
    const draftsOrIssue = pairDrafts(front.text, back.text, both, anchor, {
      lineStart: first,
      lineEnd: place.lineEnd,
      context: place.context,
      siblingKey: `L${first}`,
    });
    if ("issue" in draftsOrIssue) {
      issues.push({ ...draftsOrIssue.issue, line: first });
      return { drafts: [], issues };
    }
    return { drafts: draftsOrIssue.drafts, issues };
  }

  // Single-line cards: one per line holding :: or ::: outside code, math and clozes.
  const lineDrafts: CardDraft[] = [];
  let sawSeparator = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const maskedLine = (maskedLines[i] ?? "").replace(CLOZE_ANKI, (m) => MASK.repeat(m.length));
    const triple = maskedLine.indexOf(":::");
    const double = maskedLine.indexOf("::");
    if (double === -1) continue;
    sawSeparator = true;
    const both = triple !== -1 && triple === double;
    const cut = both ? triple : double;
    const width = both ? 3 : 2;
    const lineNo = first + i;
    const front = line.slice(0, cut).trim();
    const backWithAnchor = takeAnchor(line.slice(cut + width).trim());
    const result = pairDrafts(front, backWithAnchor.text, both, backWithAnchor.anchor, {
      lineStart: lineNo,
      lineEnd: lineNo,
      context: place.context,
      siblingKey: `L${lineNo}`,
    });
    if ("issue" in result) issues.push({ ...result.issue, line: lineNo });
    else lineDrafts.push(...result.drafts);
  }
  if (sawSeparator) return { drafts: lineDrafts, issues };

  // Clozes.
  const clozes = readClozes(markdown, codeMasked);
  const unpaired = countUnpairedHighlight(codeMasked);
  if (clozes.length > 0 && !hasClozeCue(markdown, clozes)) return undefined;
  if (clozes.length === 0) {
    if (unpaired !== undefined) {
      issues.push({
        severity: "warning",
        code: "cloze-unclosed",
        message: `"==" opens a highlight cloze that is never closed; no cloze card was made`,
        line: first + lineIndexAt(markdown, unpaired),
      });
      return { drafts: [], issues };
    }
    return undefined;
  }
  if (unpaired !== undefined) {
    issues.push({
      severity: "warning",
      code: "cloze-unclosed",
      message: `"==" opens a highlight cloze that is never closed; it is shown as text`,
      line: first + lineIndexAt(markdown, unpaired),
    });
  }
  return { drafts: clozeDrafts(markdown, clozes, first, place), issues };
}

function pairDrafts(
  front: string,
  back: string,
  both: boolean,
  anchor: string | undefined,
  place: Omit<CardDraft, "kind" | "idFront" | "origin" | "front" | "back">,
): { drafts: CardDraft[] } | { issue: Omit<TNoteIssue, "file" | "line"> } {
  if (front === "" || back === "") {
    return {
      issue: {
        severity: "warning",
        code: "card-side-empty",
        message: `card has an empty ${front === "" ? "front" : "back"}; no card was made`,
      },
    };
  }
  const common = { ...place, origin: "explicit" as const, idFront: front };
  const withAnchor = anchor === undefined ? common : { ...common, anchor };
  const drafts: CardDraft[] = [{ ...withAnchor, kind: "basic", front, back, direction: "forward" }];
  if (both) {
    drafts.push({
      ...withAnchor,
      kind: "basic",
      front: back,
      back: front,
      direction: "reverse",
      discriminator: "reverse",
    });
  }
  return { drafts };
}

interface ClozeSpan {
  from: number;
  to: number;
  number: number;
  answer: string;
  hint?: string;
}

function readClozes(markdown: string, codeMasked: string): ClozeSpan[] {
  const spans: ClozeSpan[] = [];
  for (const m of codeMasked.matchAll(CLOZE_ANKI)) {
    const from = m.index;
    const to = from + m[0].length;
    const original = markdown.slice(from, to);
    const inner = /^\{\{c(\d+)::([\s\S]*?)(?:::([^}]*))?\}\}$/.exec(original);
    if (!inner) continue;
    const span: ClozeSpan = { from, to, number: Number(inner[1]), answer: inner[2] ?? "" };
    if (inner[3] !== undefined) span.hint = inner[3];
    spans.push(span);
  }
  const highest = spans.reduce((max, s) => Math.max(max, s.number), 0);
  let next = highest + 1;
  const maskedAnki = codeMasked.replace(CLOZE_ANKI, (m) => MASK.repeat(m.length));
  for (const m of maskedAnki.matchAll(CLOZE_HIGHLIGHT)) {
    const from = m.index;
    const to = from + m[0].length;
    spans.push({ from, to, number: next++, answer: markdown.slice(from + 2, to - 2) });
  }
  return spans.filter((s) => s.answer.trim() !== "").sort((a, b) => a.from - b.from);
}

/**
 * Whether what a highlight cloze leaves visible can cue its answer. A highlight over (nearly) the
 * whole line ("==batch size가 작으면 통계가 불안정==해진다") is emphasis, not a deletion: its front
 * would be "[…]해진다". It needs two words outside the highlights; `{{c1::…}}` is always a cloze.
 */
function hasClozeCue(markdown: string, spans: ClozeSpan[]): boolean {
  if (spans.some((s) => markdown.startsWith("{{c", s.from))) return true;
  let rest = "";
  let at = 0;
  for (const span of spans) {
    rest += `${markdown.slice(at, span.from)} `;
    at = span.to;
  }
  rest += markdown.slice(at);
  const words = rest.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w));
  return words.length >= 2;
}

function countUnpairedHighlight(codeMasked: string): number | undefined {
  const rest = codeMasked
    .replace(CLOZE_ANKI, (m) => MASK.repeat(m.length))
    .replace(CLOZE_HIGHLIGHT, (m) => MASK.repeat(m.length))
    .replace(/==>/g, MASK.repeat(3));
  const at = rest.indexOf("==");
  return at === -1 ? undefined : at;
}

function findUnclosedAnkiCloze(codeMasked: string): number | undefined {
  const rest = codeMasked.replace(CLOZE_ANKI, (m) => MASK.repeat(m.length));
  const at = rest.search(/\{\{c\d+::/);
  return at === -1 ? undefined : at;
}

function clozeDrafts(
  markdown: string,
  spans: ClozeSpan[],
  first: number,
  place: Place,
): CardDraft[] {
  const anchored = takeAnchor(markdown);
  const anchorLess = (s: string) => takeAnchor(s).text;
  const render = (show: (span: ClozeSpan) => string) => {
    let out = "";
    let at = 0;
    for (const span of spans) {
      out += markdown.slice(at, span.from) + show(span);
      at = span.to;
    }
    return anchorLess(out + markdown.slice(at));
  };
  const text = render((s) => `{{c${s.number}::${s.answer}${s.hint ? `::${s.hint}` : ""}}}`);
  const idFront = render(() => "[…]");
  const numbers = [...new Set(spans.map((s) => s.number))].sort((a, b) => a - b);
  return numbers.map((n): CardDraft => {
    const draft: CardDraft = {
      kind: "cloze",
      text,
      clozeNumber: n,
      front: render((s) => (s.number === n ? `[${s.hint ?? "…"}]` : s.answer)),
      back: render((s) => (s.number === n ? `==${s.answer}==` : s.answer)),
      answers: spans.filter((s) => s.number === n).map((s) => s.answer),
      idFront,
      discriminator: `c${n}`,
      lineStart: first,
      lineEnd: place.lineEnd,
      context: place.context,
      siblingKey: `L${first}`,
      origin: "explicit",
    };
    if (anchored.anchor !== undefined) draft.anchor = anchored.anchor;
    return draft;
  });
}

function lineIndexAt(text: string, index: number): number {
  let lines = 0;
  for (let i = 0; i < index && i < text.length; i++) if (text[i] === "\n") lines++;
  return lines;
}
