/**
 * What a list item contributes to cards made from its parent: an ordered list's steps (each item
 * whole, children as detail), and a child's part of its parent's "Explain" back.
 */
import type { List, ListItem } from "mdast";
import { withoutEmphasis } from "./block-shapes.ts";
import type { CardCollector } from "./card-collector.ts";
import { isNameLike, readQuestionArrow, readTermExplanation } from "./line-shapes.ts";
import {
  blockMarkdown,
  isImageOnly,
  type NoteSource,
  startLine,
  takeAnchor,
} from "./markdown-source.ts";
import { definitionCloze, firstSentence } from "./section-cards.ts";

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
 * What a child item adds to its parent's "Explain" back, and how the child is walked after.
 * The parent keeps the child's whole content even when the child gets a card of its own (a
 * parent without its children's numbers is a fragment); `short` is the child's title alone, used
 * when the whole would make the parent's back too long.
 */
export function explainPart(
  host: CardCollector,
  child: ListItem,
  src: NoteSource,
  here: string[],
): { text?: string; short?: string; mode: "extract" | "consumed" | "title-used" } {
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
  if (readQuestionArrow(shape) || readTermExplanation(shape) || shape.codeMasked.includes("::")) {
    return { text, short: title, mode: "extract" };
  }
  const hasChildren = child.children.length > 1;
  if (!isNameLike(withoutEmphasis(title))) {
    // A statement that defines a term also becomes a cloze on the term.
    const cloze = definitionCloze(
      firstSentence({ markdown: title, codeMasked: takeAnchor(shape.codeMasked).text }),
      {
        line: startLine(child, src),
        lineEnd: startLine(child, src),
        context: here,
      },
    );
    if (cloze) host.drafts.push(cloze);
  }
  if (!hasChildren) return { text, mode: "consumed" };
  // A label with its own content gets its own card; a statement with children is quoted here.
  if (isNameLike(withoutEmphasis(title))) return { text, short: title, mode: "extract" };
  return { text, short: title, mode: "title-used" };
}
