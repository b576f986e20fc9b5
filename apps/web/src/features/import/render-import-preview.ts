// The import preview's cards as the review shows them: Markdown, KaTeX and images rendered to HTML
// on the server, with the card's flags and, for basic cards, the text the author may edit.
import "server-only";
import { renderMarkdownToHtml, ZCard } from "@strides/content";
import type { ImportPreview, ImportPreviewCard } from "@strides/db";

export interface RenderedImportCard {
  key: string;
  kind: string;
  file: string;
  line: number | null;
  flags: string[];
  frontHtml: string;
  backHtml: string;
  /** The Markdown an author can edit (basic cards only). */
  editable: { front: string; back: string } | null;
}

export type RenderedImportPreview = Record<keyof ImportPreview, RenderedImportCard[]>;

function sides(card: ImportPreviewCard): Omit<RenderedImportCard, keyof ImportPreviewCard> {
  const parsed = ZCard.safeParse(card.content);
  if (!parsed.success) {
    return { frontHtml: renderMarkdownToHtml(card.text), backHtml: "", editable: null };
  }
  const c = parsed.data;
  switch (c.kind) {
    case "basic":
      return {
        frontHtml: renderMarkdownToHtml(c.front),
        backHtml: renderMarkdownToHtml(c.extra ? `${c.back}\n\n${c.extra}` : c.back),
        editable: { front: c.front, back: c.back },
      };
    case "cloze":
      return {
        frontHtml: renderMarkdownToHtml(c.front),
        backHtml: renderMarkdownToHtml(c.back),
        editable: null,
      };
    case "listRecall":
      return {
        frontHtml: renderMarkdownToHtml(c.front),
        backHtml: renderMarkdownToHtml(
          c.items
            .map((item, i) => `${c.ordered ? `${i + 1}.` : "-"} ${item.text.replace(/\n/g, " ")}`)
            .join("\n"),
        ),
        editable: null,
      };
    case "exercise":
      return {
        frontHtml: renderMarkdownToHtml(c.prompt ?? c.generator),
        backHtml: renderMarkdownToHtml(`\`${c.generator}\` ${JSON.stringify(c.params)}`),
        editable: null,
      };
  }
}

export function renderImportPreview(preview: ImportPreview): RenderedImportPreview {
  const render = (cards: ImportPreviewCard[]) =>
    cards.map(({ content: _content, text: _text, ...card }) => ({
      ...card,
      ...sides({ ...card, content: _content, text: _text }),
    }));
  return {
    added: render(preview.added),
    changed: render(preview.changed),
    unchanged: render(preview.unchanged),
    retired: render(preview.retired),
    rejected: render(preview.rejected),
  };
}
