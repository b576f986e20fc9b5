/**
 * Cheat sheets write a term with a dash as often as with a colon ("GELU - Transformer 계열 기본"
 * beside "ReLU: max(0, x)"). Alone, "learning rate - 너무 크면 발산한다" is a remark; in a list whose
 * items are all terms, a dashed item is one too. Such items are read as if written with a colon.
 */
import type { List, Paragraph, Root } from "mdast";
import { nameDashAt, readTermExplanation } from "./line-shapes.ts";
import type { NoteSource, ParagraphTexts } from "./markdown-source.ts";

export function readDashTerms(tree: Root, src: NoteSource, texts: ParagraphTexts): void {
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === "list") dashTermsOfList(node as List, src, texts);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
}

function dashTermsOfList(list: List, src: NoteSource, texts: ParagraphTexts): void {
  const dashed: { title: Paragraph; at: number }[] = [];
  let colons = 0;
  for (const item of list.children) {
    const title = item.children[0];
    if (title?.type !== "paragraph") return;
    const text = texts.get(title, src);
    if (readTermExplanation(text.joined)) {
      colons++;
      continue;
    }
    const at = text.lines.length === 1 ? nameDashAt(text.codeMasked) : undefined;
    if (at === undefined) return;
    dashed.push({ title, at });
  }
  if (dashed.length === 0 || (colons === 0 && dashed.length < 2)) return;
  for (const { title, at } of dashed) {
    texts.rewrite(title, src, (line) => `${line.slice(0, at)}:${line.slice(at + 1)}`);
  }
}
