// Card content (the content package's validated card, as stored) → the review screen's HTML view.
// Markdown and math are rendered here, on the server; the browser receives HTML strings only.
import "server-only";
import {
  getGeneratorInfo,
  localizeFront,
  localizePrompt,
  renderMarkdownToHtml,
  ZCard,
} from "@strides/content";
import { LRUCache } from "lru-cache";
import type { TCardView, TIntervalView } from "./schema";

export interface RenderCardInput {
  id: string;
  deckId: string;
  kind: string;
  content: unknown;
  context: string;
  tags: string;
  queue: TCardView["queue"];
  notePath: string | null;
  lineStart: number | null;
  lineEnd: number | null;
  intervals: TIntervalView[];
  exercise: { question: string; answerFormat: string; seed: number } | null;
  editHref: string | null;
  /** The page's language: extraction's fixed words ("Explain:", "name all 3") are shown in it. */
  lang: "en" | "ko";
}

/**
 * Rendered Markdown + KaTeX by source text: a card's fields render the same every time, and KaTeX
 * is the costliest part of a review step. Keyed by the text itself, so an edited card (new text)
 * never shows stale HTML; bounded by total size (a card field is a few hundred bytes of HTML).
 */
const rendered = new LRUCache<string, string>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (html, text) => html.length + text.length + 64,
});

function md(text: string | undefined): string {
  if (!text) return "";
  let html = rendered.get(text);
  if (html === undefined) {
    html = renderMarkdownToHtml(text);
    rendered.set(text, html);
  }
  return html;
}

export function sourceHref(deckId: string, notePath: string | null): string {
  const q = new URLSearchParams({ deck: deckId });
  if (notePath) q.set("note", notePath);
  return `/cards?${q.toString()}`;
}

/**
 * A card's front as lists show it (card browser, deck page, hardest cards): Markdown and KaTeX
 * rendered as in review; an exercise shows its generator's title in `lang`, not its id.
 */
export function renderCardFrontHtml(content: unknown, lang: "en" | "ko"): string {
  const parsed = ZCard.safeParse(content);
  if (!parsed.success) return "";
  const card = parsed.data;
  if (card.kind === "exercise") {
    const title = getGeneratorInfo(card.generator)?.title[lang] ?? card.generator;
    const prompt = card.prompt ? md(localizePrompt(card.prompt, card.generator, lang)) : "";
    return `<p><strong>${escapeHtml(title)}</strong></p>${prompt}`;
  }
  return md(card.kind === "cloze" ? card.front : localizeFront(card.front, lang));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderCardView(input: RenderCardInput): TCardView {
  const parsed = ZCard.safeParse(input.content);
  const base = {
    id: input.id,
    deckId: input.deckId,
    queue: input.queue,
    context: input.context ? input.context.split(" › ") : [],
    tags: input.tags.split(" ").filter(Boolean),
    source: {
      file: input.notePath,
      lineStart: input.lineStart,
      lineEnd: input.lineEnd,
      href: sourceHref(input.deckId, input.notePath),
    },
    intervals: input.intervals,
    editHref: input.editHref,
    extraHtml: null,
    items: null,
    ordered: false,
    exercise: null,
  } satisfies Partial<TCardView>;
  if (!parsed.success) {
    // A card stored by an older content version: show its text rather than failing the session.
    const raw = JSON.stringify(input.content);
    return { ...base, kind: "basic", frontHtml: md(raw.slice(0, 500)), backHtml: "" };
  }
  const card = parsed.data;
  switch (card.kind) {
    case "basic":
      return {
        ...base,
        kind: "basic",
        frontHtml: md(localizeFront(card.front, input.lang)),
        backHtml: md(card.back),
        extraHtml: card.extra ? md(card.extra) : null,
      };
    case "cloze":
      return { ...base, kind: "cloze", frontHtml: md(card.front), backHtml: md(card.back) };
    case "listRecall":
      return {
        ...base,
        kind: "listRecall",
        frontHtml: md(localizeFront(card.front, input.lang)),
        backHtml: "",
        items: card.items.map((i) => ({
          html: md(i.text),
          detailHtml: i.detail ? md(i.detail) : null,
        })),
        ordered: card.ordered,
      };
    case "exercise":
      return {
        ...base,
        kind: "exercise",
        frontHtml: md(card.prompt && localizePrompt(card.prompt, card.generator, input.lang)),
        backHtml: "",
        exercise: input.exercise
          ? {
              questionHtml: md(input.exercise.question),
              answerFormat: input.exercise.answerFormat,
              seed: input.exercise.seed,
            }
          : null,
      };
  }
}
