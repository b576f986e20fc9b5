// Images in imported cards point at the deck's stored assets (served to members only), so a card
// written as `![](img/conv.png)` in `notes/cnn.md` shows `/decks/<deck>/assets/notes/img/conv.png`.
import { resolveNotePath } from "@strides/content";
import type { SyncNote } from "@strides/db";

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(\s+"[^"]*")?\s*\)/g;

export function rewriteMarkdownImages(options: {
  markdown: string;
  notePath: string;
  deckSlug: string;
  assets: ReadonlySet<string>;
}): string {
  const { notePath, deckSlug, assets } = options;
  return options.markdown.replace(IMAGE, (whole, alt: string, url: string, title = "") => {
    const path = resolveNotePath(notePath, url);
    if (!path || !assets.has(path)) return whole;
    const href = `/decks/${deckSlug}/assets/${path.split("/").map(encodeURIComponent).join("/")}`;
    return `![${alt}](${href}${title})`;
  });
}

const FIELDS = ["front", "back", "extra", "text", "prompt"] as const;

/** Rewrites every Markdown field of every card of a note (the content hash stays the note's). */
export function rewriteNoteImages(
  note: SyncNote,
  deckSlug: string,
  assets: ReadonlySet<string>,
): SyncNote {
  if (assets.size === 0) return note;
  const rewrite = (markdown: string) =>
    rewriteMarkdownImages({ markdown, notePath: note.path, deckSlug, assets });
  return {
    ...note,
    cards: note.cards.map((card) => {
      const content = { ...(card.content as Record<string, unknown>) };
      for (const f of FIELDS) {
        if (typeof content[f] === "string") content[f] = rewrite(content[f] as string);
      }
      if (Array.isArray(content.answers)) {
        content.answers = (content.answers as unknown[]).map((a) =>
          typeof a === "string" ? rewrite(a) : a,
        );
      }
      if (Array.isArray(content.items)) {
        content.items = (content.items as { text: string; detail?: string }[]).map((i) => ({
          ...i,
          text: rewrite(i.text),
          ...(i.detail !== undefined ? { detail: rewrite(i.detail) } : {}),
        }));
      }
      return { ...card, content };
    }),
  };
}
