/**
 * Cards a list label's own content makes before it is explained: a lone chain of arrows under it
 * (its steps, in order) and child items that are equations (its formula, asked by its purpose).
 */
import type { List, ListItem } from "mdast";
import { chainStepsDraft, readArrowChain } from "./arrow-chains.ts";
import { formulaItem } from "./block-shapes.ts";
import type { CardDraft, DraftPlace } from "./card-draft.ts";
import { cleanLabel } from "./line-shapes.ts";
import { type NoteSource, type ParagraphTexts, startLine } from "./markdown-source.ts";
import { askedLabel, explainFront, stepsFront } from "./section-cards.ts";

/** A label whose only content is one chain ("파이프라인" over "backbone => RPN => head"). */
export function labelChainDraft(
  only: List | undefined,
  label: string,
  here: string[],
  src: NoteSource,
  texts: ParagraphTexts,
  anchor: string | undefined,
): CardDraft | undefined {
  const item = only?.children.length === 1 ? only.children[0] : undefined;
  const title = item?.children.length === 1 ? item.children[0] : undefined;
  if (!item || title?.type !== "paragraph" || /[?？]$/.test(label)) return undefined;
  const chain = readArrowChain(texts.get(title, src).joined);
  if (!chain) return undefined;
  const line = startLine(item, src);
  const front = stepsFront(askedLabel(label, here));
  return chainStepsDraft(chain, front, { line, lineEnd: line, context: here, anchor });
}

const FORMULA_WORD = /^(?:수식|공식|식|formulas?|equations?)$/iu;

/**
 * Child items that are only equations ("- SGD" over "- $\theta \leftarrow …$"): one "Formula:
 * SGD" card (a "수식" label asks its section's formula), and the children it asks, which the
 * label's "Explain" card leaves out. A question's formula stays its answer: undefined.
 */
export function labelFormulaDraft(
  children: ListItem[],
  label: string,
  here: string[],
  src: NoteSource,
  place: (front: string) => DraftPlace,
): { draft: CardDraft; asked: Set<ListItem> } | undefined {
  const found = children.flatMap((child) => {
    const f = formulaItem(child, src);
    return f ? [{ child, ...f }] : [];
  });
  if (found.length === 0) return undefined;
  const formulaWord = FORMULA_WORD.test(cleanLabel(label));
  if (!formulaWord && !explainFront(label, here).startsWith("Explain: ")) return undefined;
  const subject = formulaWord ? (here[here.length - 2] ?? label) : label;
  const front = `Formula: ${subject}`;
  const extra = found.flatMap((f) => f.nested).join("\n");
  return {
    draft: {
      ...place(front),
      kind: "basic",
      front,
      back: found.map((f) => f.formula).join("\n\n"),
      ...(extra === "" ? {} : { extra }),
      direction: "forward",
    },
    asked: new Set(found.map((f) => f.child)),
  };
}
