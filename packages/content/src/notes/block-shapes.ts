/**
 * Recognisers for the shapes of blocks and list items that extraction looks for: a bold label, an
 * item that is a bare name, an item's first sentence, a label whose only content is a formula, a
 * block indented like code that reads as prose.
 */
import type { Code, ListItem, Paragraph, RootContent } from "mdast";
import {
  isNameLike,
  readQuestionArrow,
  readTermExplanation,
  splitFirstSentence,
} from "./line-shapes.ts";
import {
  blockMarkdown,
  isImageOnly,
  type NoteSource,
  type ParagraphTexts,
  plainText,
  takeAnchor,
} from "./markdown-source.ts";

/** The most items a label's list-recall card asks for; a section of names may list twice as many. */
export const MAX_RECALL_ITEMS = 12;

/** Markdown with emphasis markers removed, for shape tests (math `$…$` kept). */
export function withoutEmphasis(markdown: string): string {
  return markdown.replace(/\*\*|__/g, "").trim();
}

/** `**Label**` alone in a paragraph. */
export function boldLabel(node: Paragraph): string | undefined {
  const only = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  if (only.length !== 1 || only[0]?.type !== "strong") return undefined;
  const text = plainText(only[0]).trim();
  return text !== "" && isNameLike(text) ? text : undefined;
}

/** The name an item holds, when it is a bare name with nothing under it. */
export function bareItemName(
  item: ListItem,
  src: NoteSource,
  texts: ParagraphTexts,
): string | undefined {
  if (item.children.length !== 1) return undefined;
  const t = item.children[0];
  if (t?.type !== "paragraph") return undefined;
  const text = takeAnchor(texts.get(t, src).markdown).text;
  if (!isNameLike(text) || text.includes(":") || text.split(/\s+/).length > 6) return undefined;
  return text;
}

/** An item's first sentence, as a recall item, and the rest of its title as detail. */
export function itemHead(
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
    shape.codeMasked.includes("::");
  const anchored = takeAnchor(shape.markdown);
  const split = splitFirstSentence({
    markdown: anchored.text,
    codeMasked: takeAnchor(shape.codeMasked).text,
  });
  const result: { head: string; rest?: string; special: boolean } = { head: split.head, special };
  if (split.rest) result.rest = split.rest;
  return result;
}

export function formulaOf(block: RootContent | undefined): string | undefined {
  if (!block) return undefined;
  if (block.type === "math") return `$$\n${block.value}\n$$`;
  if (block.type !== "paragraph") return undefined;
  // "$v_t = …$, $\theta \leftarrow …$": an update rule in two equations is one formula too.
  const parts = block.children.filter(
    (c) => !(c.type === "text" && /^\s*(?:[,;]|and|그리고)?\s*$/u.test(c.value)),
  );
  if (parts.length === 0 || !parts.every((c) => c.type === "inlineMath")) return undefined;
  const maths = parts.flatMap((c) => (c.type === "inlineMath" ? [c.value] : []));
  if (maths.length > 1 && !maths.every(isEquation)) return undefined;
  return maths.map((m) => `$$\n${m}\n$$`).join("\n\n");
}

/** TeX that states a relation (`=`, `\\leftarrow`, `\\approx`, …): an equation or update rule, not a bare term. */
export function isEquation(tex: string): boolean {
  return /(?<![<>!])=|\\(?:leftarrow|gets|Leftarrow|coloneqq|approx|equiv|propto|triangleq|doteq)(?![a-zA-Z])|←|≈/u.test(
    tex,
  );
}

/**
 * A list item whose title is only an equation (`- $\\theta \\leftarrow \\theta - \\eta \\nabla L$`,
 * a `$$…$$` block): the formula as display math, and what is nested under it (its symbols
 * explained) as markdown.
 */
export function formulaItem(
  item: ListItem,
  src: NoteSource,
): { formula: string; nested: string[] } | undefined {
  const [first, ...rest] = item.children;
  const formula = formulaOf(first);
  if (formula === undefined || (first?.type !== "math" && !isEquation(formula))) return undefined;
  const nested = rest.map((b) => blockMarkdown(b, src)).filter((md) => md !== "");
  return { formula, nested };
}

export function hasCode(body: RootContent[]): boolean {
  return body.some((b) => b.type === "code");
}

export function isFenced(node: Code, src: NoteSource): boolean {
  const from = node.position?.start.offset;
  if (from === undefined) return true;
  return /^[ \t]*(```|~~~)/.test(src.text.slice(from, from + 40));
}

/** Indented text that reads as sentences rather than code. */
export function looksLikeProse(value: string): boolean {
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
