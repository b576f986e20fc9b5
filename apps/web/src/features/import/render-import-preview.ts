// The import preview's cards as the review shows them: Markdown, KaTeX and images rendered to HTML
// on the server (pure: no database), with the card's flags and, for basic cards, the text the author may edit.
import { generateExercise, renderMarkdownToHtml, type TParamRanges, ZCard } from "@strides/content";
import {
  type DeckAssetInput,
  type ImportPreview,
  type ImportPreviewCard,
  sniffImageType,
} from "@strides/db";
import { eventLoopTurns } from "../../lib/event-loop-turns";

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
  /** The author's earlier edit of the card (ImportPreviewCard.edit). */
  edit?: ImportPreviewCard["edit"];
}

export type RenderedImportPreview = Record<keyof ImportPreview, RenderedImportCard[]>;

function sides(
  card: ImportPreviewCard,
  lang: "en" | "ko",
): Omit<RenderedImportCard, keyof ImportPreviewCard> {
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
        backHtml: renderMarkdownToHtml(sampleOf(c.generator, c.params, lang)),
        editable: null,
      };
  }
}

/** Uploaded images up to this size show inline in the preview (they are not stored until publish). */
const INLINE_PREVIEW_BYTES = 1024 * 1024;
const ASSET_SRC = /src="\/decks\/[^/"]+\/assets\/([^"]+)"/g;

/**
 * Images of the upload are not stored before publishing: the preview shows them as data URLs
 * (the CSP allows `data:` images), so the author sees the card as it will be.
 */
function inlineUploadedImages(html: string, uploaded: ReadonlyMap<string, DeckAssetInput>): string {
  if (uploaded.size === 0 || !html.includes("/assets/")) return html;
  return html.replace(ASSET_SRC, (whole, encoded: string) => {
    let path: string;
    try {
      path = encoded.split("/").map(decodeURIComponent).join("/");
    } catch {
      return whole;
    }
    const asset = uploaded.get(path);
    const type = asset ? sniffImageType(asset.data) : null;
    if (!asset || !type || asset.data.byteLength > INLINE_PREVIEW_BYTES) return whole;
    return `src="data:${type};base64,${Buffer.from(asset.data).toString("base64")}"`;
  });
}

/**
 * The preview's cards rendered. An import of a big zip proposes tens of thousands of cards: the
 * rendering takes turns with the event loop (one card's rendering is the longest stretch).
 */
export async function renderImportPreview(
  preview: ImportPreview,
  uploaded: readonly DeckAssetInput[] = [],
  /** The page's language: exercises are shown in it, as learners get them. */
  lang: "en" | "ko" = "en",
): Promise<RenderedImportPreview> {
  const assets = new Map(uploaded.map((a) => [a.path, a]));
  const turn = eventLoopTurns();
  const render = async (cards: ImportPreviewCard[]) => {
    const out: RenderedImportCard[] = [];
    for (const { content: _content, text: _text, ...card } of cards) {
      await turn();
      const rendered = sides({ ...card, content: _content, text: _text }, lang);
      out.push({
        ...card,
        ...rendered,
        frontHtml: inlineUploadedImages(rendered.frontHtml, assets),
        backHtml: inlineUploadedImages(rendered.backHtml, assets),
      });
    }
    return out;
  };
  return {
    added: await render(preview.added),
    changed: await render(preview.changed),
    unchanged: await render(preview.unchanged),
    retired: await render(preview.retired),
    rejected: await render(preview.rejected),
  };
}

/**
 * What an instructor curating an import wants to see of a proposed exercise: one variant as a
 * learner gets it (question, answer), not the generator's id and parameter ranges.
 */
function sampleOf(generator: string, ranges: TParamRanges, lang: "en" | "ko"): string {
  try {
    const v = generateExercise(generator, { seed: 1, lang, ranges });
    return `${v.question}\n\n**${lang === "ko" ? "정답" : "Answer"}:** ${v.answer}`;
  } catch {
    return `\`${generator}\` ${JSON.stringify(ranges)}`;
  }
}
