/**
 * Checks every math fragment with KaTeX and every image against the files next to the note.
 * Runs over the mdast tree (and over blocks re-read as prose), so positions are exact.
 */
import katex from "katex";
import type { Nodes, Root } from "mdast";
import { type NoteSource, startLine } from "./markdown-source.ts";
import type { TNoteIssue } from "./schema.ts";

export type ContentIssue = Omit<TNoteIssue, "file">;

/**
 * KaTeX options shared by the import check and the renderers, so what passes renders. `maxSize`
 * caps every user-given size (`\rule{100000em}{…}` draws at most 20em), `maxExpand` bounds macro
 * expansion (`\def` loops), `trust: false` refuses `\href`, `\url` and `\includegraphics`.
 */
export const KATEX_OPTIONS = {
  throwOnError: true,
  strict: "ignore",
  trust: false,
  maxSize: 20,
  maxExpand: 1000,
} as const;

const validMath = new Map<string, string | null>();

/** Forgets which TeX fragments were valid (benchmarks measure cold checks). */
export function clearTexCache(): void {
  validMath.clear();
}

/** Returns KaTeX's message when the TeX is invalid, undefined when it renders. */
export function checkTex(tex: string, displayMode: boolean): string | undefined {
  const key = `${displayMode ? "D" : "I"}${tex}`;
  const cached = validMath.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let result: string | null = null;
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (validMath.size > 10_000) validMath.clear();
  validMath.set(key, result);
  return result ?? undefined;
}

export interface CheckContentOptions {
  file: string;
  resolveImage?: ((path: string) => boolean) | undefined;
}

export function checkNoteContent(
  tree: Root,
  src: NoteSource,
  options: CheckContentOptions,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  // Every node in document order (a plain recursion: this runs over every text node of the note).
  const check = (node: Nodes): void => {
    if (node.type === "inlineMath" || node.type === "math") {
      const problem = checkTex(node.value, node.type === "math");
      if (problem !== undefined) {
        const shown = node.value.length > 60 ? `${node.value.slice(0, 57)}…` : node.value;
        issues.push({
          severity: "error",
          code: "math-invalid",
          message: `invalid math "${shown}": ${problem.replace(/^KaTeX parse error: /, "")}`,
          params: { tex: node.value, display: node.type === "math" ? 1 : 0 },
          line: startLine(node, src),
        });
      }
    } else if (node.type === "text") {
      const open = unclosedMath(node, src);
      if (open !== undefined) {
        issues.push({
          severity: "warning",
          code: "math-unclosed",
          message: `a "$" opens math that is never closed: "${open}" (close it with "$", or write \\$ for a dollar sign)`,
          params: { text: open },
          line: startLine(node, src),
        });
      }
    } else if (node.type === "image" && options.resolveImage) {
      const path = resolveNotePath(options.file, node.url);
      if (path !== undefined && !options.resolveImage(path)) {
        src.missingImages.add(node);
        issues.push({
          severity: "warning",
          code: "image-missing",
          message: `image not found: ${node.url} (looked for ${path}); cards show its alt text "${node.alt ?? ""}"`,
          params: { url: node.url, path, alt: node.alt ?? "" },
          line: startLine(node, src),
        });
      }
    } else if ("children" in node) {
      for (const child of node.children) check(child);
    }
  };
  check(tree);
  return issues;
}

/**
 * The text after a `$` left in prose (math is parsed out before) when it reads as TeX (a command,
 * `^`, `_` or braces right after it), as `$\frac{1}{2} and more` does; a written `\$` and a price
 * ("$5") are not math.
 */
function unclosedMath(node: Nodes & { type: "text" }, src: NoteSource): string | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const raw = src.text.slice(from, to);
  const m = /(?<!\\)(?:\$\$[ \t]*|\$)(?:\\[A-Za-z]+|[^\s$]*[\^_{][^\s$]*)/.exec(raw);
  if (!m) return undefined;
  const shown = raw.slice(m.index, m.index + 40);
  return raw.length > m.index + 40 ? `${shown}…` : shown;
}

/**
 * Resolves an image reference against the note's own path (POSIX, no file system access).
 * Returns undefined for URLs with a scheme (http:, data:), which are not checked.
 */
export function resolveNotePath(noteFile: string, url: string): string | undefined {
  if (url === "" || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return undefined;
  let target: string;
  try {
    target = decodeURI(url.split(/[?#]/)[0] ?? "");
  } catch {
    target = url;
  }
  const base = noteFile.replace(/\\/g, "/").split("/").slice(0, -1);
  const parts = target.startsWith("/") ? [""] : [...base];
  for (const part of target.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") {
      if (parts[parts.length - 1] === "") continue;
      parts.pop();
    } else parts.push(part);
  }
  const joined = parts.join("/");
  return joined === "" ? "." : joined;
}
