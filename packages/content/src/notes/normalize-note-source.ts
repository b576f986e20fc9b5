/**
 * Line-preserving clean-up of note text before Markdown parsing, for shapes that real notes use
 * and Markdown reads differently from what the author meant:
 * - an empty bullet (`-` alone on a line) becomes a blank line, so it does not cut a list or make
 *   an empty item;
 * - an HTML `<img src=… alt=…>` line becomes a Markdown image, indented into the list item it
 *   sits in, so it does not end the list;
 * - Jekyll's `{% highlight x %}` … `{% endhighlight %}` becomes a fenced code block, and any
 *   other line holding only a Liquid tag (`{% raw %}`) becomes blank;
 * - a Jekyll/Liquid prefix in an image URL (`{{ site.baseurl }}/assets/a.png`) is dropped,
 *   leaving a site-root path, with a warning;
 * - an Obsidian embed of an image (`![[a.png]]`, `![[a.png|300]]`) becomes a Markdown image, and a
 *   wikilink (`[[Note]]`, `[[Note|shown text]]`) a `wikilink:Note` link: a card shows its text
 *   (the scheme is no web URL, so no anchor is rendered) and a line of them is a link list.
 * Every line keeps its number, so positions still point at the author's text.
 */
import type { TNoteIssue } from "./schema.ts";

export interface NormalizedSource {
  text: string;
  issues: Omit<TNoteIssue, "file">[];
}

const EMPTY_BULLET = /^[ \t]*[-*+][ \t]*$/;
const HTML_IMG = /^([ \t]*)<img\b([^>]*)\/?>[ \t]*$/i;
const LIQUID_HIGHLIGHT = /^([ \t]*)\{%-?\s*highlight\s+([\w+-]+)?[^%]*-?%\}[ \t]*$/i;
const LIQUID_TAG_LINE = /^[ \t]*\{%-?\s*[a-z_]+[^%]*-?%\}[ \t]*$/i;
const LIST_MARKER = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])([ \t]+)\S/;
const LIQUID_IN_URL =
  /\]\(\s*\{\{\s*["']?([^}|"']*?)["']?\s*(\|\s*(?:relative_url|absolute_url)\s*)?\}\}([^)\s]*)/g;

export function normalizeNoteSource(text: string): NormalizedSource {
  const issues: NormalizedSource["issues"] = [];
  const lines = text.split("\n");
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^[ \t]*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence && /^[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$/.test(line)) {
      lines[i] = line.replace(/\{%.*%\}/, "```");
      inFence = false;
      continue;
    }
    if (inFence) continue;
    if (EMPTY_BULLET.test(line) && !/^[ \t]*[-*][ \t]*$/.test(lines[i - 1] ?? "x")) {
      // `---` and `***` are thematic breaks, `-` under a paragraph is a setext heading: only a
      // bullet that follows a list line or a blank line is an empty item.
      const prev = lines[i - 1] ?? "";
      if (prev.trim() === "" || LIST_MARKER.test(prev) || /^[ \t]{2,}\S/.test(prev)) {
        lines[i] = "";
        continue;
      }
    }
    const highlight = LIQUID_HIGHLIGHT.exec(line);
    if (highlight) {
      // Jekyll's `{% highlight python %}` … `{% endhighlight %}` is a fenced code block.
      lines[i] = `${highlight[1]}\`\`\`${highlight[2] ?? ""}`;
      inFence = true;
      continue;
    }
    if (LIQUID_TAG_LINE.test(line)) {
      // `{% raw %}`, `{% include … %}`: Jekyll's template tags, not the author's text.
      lines[i] = "";
      continue;
    }
    const img = HTML_IMG.exec(line);
    if (img) {
      const attrs = img[2] ?? "";
      const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1];
      if (src !== undefined) {
        const alt = /\balt\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? "";
        lines[i] = `${listIndent(lines, i) ?? img[1]}![${alt}](${src.replace(/\s/g, "%20")})`;
      }
    }
    if (line.includes("[[")) lines[i] = wikilinksAsMarkdown(lines[i] ?? "");
    if (line.includes("{{")) {
      const fixed = (lines[i] ?? "").replace(
        LIQUID_IN_URL,
        (_m, inner: string, _f, rest: string) => {
          const path = `${inner.trim().startsWith("site.") ? "" : inner.trim()}${rest}`;
          issues.push({
            severity: "warning",
            code: "image-liquid",
            message: `image URL uses a Jekyll Liquid tag ({{ … }}); read as the site path ${path || "/"} (upload the site's assets folder with the note to show it)`,
            line: i + 1,
          });
          return `](${path}`;
        },
      );
      lines[i] = fixed;
    }
  }
  return { text: lines.join("\n"), issues };
}

const WIKILINK = /(!?)\[\[([^[\]|\n]+?)(?:\|([^[\]\n]*))?\]\]/g;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|bmp|avif)$/i;

/** Obsidian's `![[a.png]]` and `[[Note|text]]` as Markdown, outside code spans and math. */
function wikilinksAsMarkdown(line: string): string {
  return line
    .split(/(`+[^`]*`+|\$[^$]*\$)/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part.replace(WIKILINK, (whole, bang: string, target: string, shown?: string) => {
            const name = target.trim();
            // `[[1, 2]]` in prose is a nested list of numbers, not a link.
            if (!/\p{L}/u.test(name)) return whole;
            const file = name.split("#")[0]?.trim() ?? name;
            if (bang === "!" && IMAGE_FILE.test(file)) {
              return `![${file}](${file.replace(/\s/g, "%20")})`;
            }
            const text = shown?.trim() || name.replace(/#\^?/g, " › ");
            return `[${text}](wikilink:${encodeURIComponent(file)})`;
          }),
    )
    .join("");
}

/** The content column of the list item around line `at`, when the next non-blank line continues the list. */
function listIndent(lines: string[], at: number): string | undefined {
  let next = at + 1;
  while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
  let prev = at - 1;
  while (prev >= 0 && (lines[prev] ?? "").trim() === "") prev--;
  const after = LIST_MARKER.exec(lines[next] ?? "");
  if (!after || prev < 0) return undefined;
  // Find the item the image follows: the nearest line above with a marker at the same indent.
  for (let j = prev; j >= 0; j--) {
    const m = LIST_MARKER.exec(lines[j] ?? "");
    if (m && (m[1] ?? "") === (after[1] ?? "")) {
      const marker =
        (lines[j] ?? "").slice((m[1] ?? "").length).match(/^(?:[-*+]|\d{1,9}[.)])[ \t]+/)?.[0] ??
        "- ";
      return " ".repeat((m[1] ?? "").length + marker.length);
    }
    if ((lines[j] ?? "").trim() !== "" && !/^[ \t]/.test(lines[j] ?? "") && !m) return undefined;
  }
  return undefined;
}
