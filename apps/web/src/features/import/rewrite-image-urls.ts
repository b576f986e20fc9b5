// Images in imported cards point at the deck's stored assets (served to members only), so a card
// written as `![](img/conv.png)` in `notes/cnn.md` shows `/decks/<deck>/assets/notes/img/conv.png`.
import { resolveNotePath } from "@strides/content";
import type { SyncNote } from "@strides/db";

/**
 * The stored asset an image path (already resolved against its note) points at. A site-root path
 * (`/assets/img/a.png`, as Jekyll notes write them, also after a dropped `{{ site.baseurl }}`)
 * resolves against the uploaded folder: `assets/img/a.png`, or `<folder>/assets/img/a.png` for the
 * shortest such folder.
 */
export function findDeckAsset(path: string, assets: ReadonlySet<string>): string | undefined {
  if (!path.startsWith("/")) return assets.has(path) ? path : undefined;
  const rel = path.replace(/^\/+/, "");
  if (rel === "") return undefined;
  if (assets.has(rel)) return rel;
  let best: string | undefined;
  for (const a of assets) {
    if (a.endsWith(`/${rel}`) && (best === undefined || a.length < best.length)) best = a;
  }
  return best;
}

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(\s+"[^"]*")?\s*\)/g;

export function rewriteMarkdownImages(options: {
  markdown: string;
  notePath: string;
  deckSlug: string;
  assets: ReadonlySet<string>;
}): string {
  const { notePath, deckSlug, assets } = options;
  return options.markdown.replace(IMAGE, (whole, alt: string, url: string, title = "") => {
    const resolved = resolveNotePath(notePath, url);
    const path = resolved === undefined ? undefined : findDeckAsset(resolved, assets);
    if (!path) return whole;
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
