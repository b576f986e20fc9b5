/**
 * Cards a list label's own content makes before it is explained: child items that are names (list
 * recall), a lone chain of arrows under it (its steps, in order) and child items that are
 * equations (its formula, asked by its purpose).
 */
import type { List, ListItem } from "mdast";
import { chainStepsDraft, readArrowChain } from "./arrow-chains.ts";
import { formulaItem, itemHead, MAX_RECALL_ITEMS, withoutEmphasis } from "./block-shapes.ts";
import { type CardDraft, type DraftAt, type DraftPlace, listRecallDraft } from "./card-draft.ts";
import {
  cleanLabel,
  headWord,
  isNameLike,
  namesCollection,
  readTermExplanation,
} from "./line-shapes.ts";
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

/**
 * A label over three or more short names ("Key ideas", "gate 종류" over "Forget gate", …): list
 * recall, when the label says what they are (a collection's word, or a head word all names share:
 * "convolution" over "2D convolution", …). Under a collection's word a kind may come with what it
 * is ("Max pooling: 최댓값"): its name is the item, its explanation the detail, and `terms` lists
 * such children (they keep their own cards).
 */
export function labelNamesDraft(
  children: ListItem[],
  label: string,
  context: string[],
  src: NoteSource,
  texts: ParagraphTexts,
  ordered: boolean,
  at: DraftAt,
): { draft: CardDraft; terms: Set<ListItem> } | undefined {
  const collection = namesCollection(label);
  const terms = new Set<ListItem>();
  const heads = children.map((child) => {
    const head = itemHead(child, src, texts);
    const t = child.children[0];
    const term =
      collection && head?.special && t?.type === "paragraph"
        ? readTermExplanation(texts.get(t, src).joined)
        : undefined;
    if (!term || !isNameLike(withoutEmphasis(term.term))) return head;
    terms.add(child);
    return { head: term.term, rest: term.explanation, special: false };
  });
  const headsAreNames =
    heads.length >= 3 &&
    heads.length <= MAX_RECALL_ITEMS &&
    heads.every((h) => h !== undefined && isNameLike(h.head) && !h.special);
  const word = headWord(withoutEmphasis(label));
  const kinds =
    headsAreNames && word.length >= 3 && heads.every((h) => h && headWord(h.head) === word);
  if (!headsAreNames || !(collection || kinds)) return undefined;
  const subject = context[context.length - 1];
  const front = kinds
    ? `${label}: name all ${heads.length} kinds`
    : `${subject && !namesCollection(subject) ? `${subject}: ` : ""}${label} — name all ${heads.length}`;
  const items = heads.map((h) =>
    h?.rest ? { text: h.head, detail: h.rest } : { text: h?.head ?? "" },
  );
  return { draft: listRecallDraft(front, items, ordered, at), terms };
}
