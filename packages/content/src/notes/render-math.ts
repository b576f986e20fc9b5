/**
 * HTML for the web app: card Markdown with KaTeX math. The Markdown is parsed with the same remark
 * pipeline as notes and written out by a small, escaping serializer (raw HTML in a card is shown as
 * text, links and images only keep http(s) and relative URLs), so card text cannot inject markup.
 */
import katex from "katex";
import type { Nodes, PhrasingContent } from "mdast";
import { KATEX_OPTIONS } from "./check-note-content.ts";
import { parseMarkdown } from "./markdown-parser.ts";

export interface RenderMathOptions {
  displayMode?: boolean;
}

/**
 * One TeX fragment as KaTeX HTML; invalid TeX renders as its source in a `katex-error` span, never
 * throws. KaTeX's own error span is not used: its title is KaTeX's English message, which a Korean
 * page would show (pages say the problem in their language: findTexProblems).
 */
export function renderMathInline(tex: string, options: RenderMathOptions = {}): string {
  try {
    return katex.renderToString(tex, {
      ...KATEX_OPTIONS,
      displayMode: options.displayMode ?? false,
    });
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    return `<span class="katex-error">${escapeHtml(tex)}</span>`;
  }
}

/** Card Markdown (front, back, extra, list items) as HTML with math rendered. */
export function renderMarkdownToHtml(markdown: string): string {
  const tree = parseMarkdown(markdown);
  return tree.children.map(renderNode).join("");
}

function renderNode(node: Nodes): string {
  switch (node.type) {
    case "root":
      return node.children.map(renderNode).join("");
    case "paragraph":
      return `<p>${renderChildren(node.children)}</p>`;
    case "heading":
      return `<p><strong>${renderChildren(node.children)}</strong></p>`;
    case "text":
      return renderText(node.value);
    case "emphasis":
      return `<em>${renderChildren(node.children)}</em>`;
    case "strong":
      return `<strong>${renderChildren(node.children)}</strong>`;
    case "delete":
      return `<del>${renderChildren(node.children)}</del>`;
    case "inlineCode":
      return `<code>${escapeHtml(node.value)}</code>`;
    case "code":
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case "inlineMath":
      return renderMathInline(node.value);
    case "math":
      return renderMathInline(node.value, { displayMode: true });
    case "break":
      return "<br>";
    case "thematicBreak":
      return "<hr>";
    case "blockquote":
      return `<blockquote>${node.children.map(renderNode).join("")}</blockquote>`;
    case "list": {
      const tag = node.ordered ? "ol" : "ul";
      const start =
        node.ordered && node.start !== null && node.start !== undefined && node.start !== 1;
      return `<${tag}${start ? ` start="${node.start}"` : ""}>${node.children.map(renderNode).join("")}</${tag}>`;
    }
    case "listItem": {
      const tight = node.spread !== true;
      const inner = node.children
        .map((child) =>
          tight && child.type === "paragraph" ? renderChildren(child.children) : renderNode(child),
        )
        .join("");
      return `<li>${inner}</li>`;
    }
    case "link": {
      const href = safeUrl(node.url);
      const inner = renderChildren(node.children);
      return href === undefined
        ? inner
        : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>`;
    }
    case "image": {
      const src = safeUrl(node.url);
      const alt = escapeHtml(node.alt ?? "");
      return src === undefined ? alt : `<img src="${escapeHtml(src)}" alt="${alt}">`;
    }
    case "html":
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? "<br>" : escapeHtml(node.value);
    case "table":
      return `<table>${node.children.map(renderNode).join("")}</table>`;
    case "tableRow":
      return `<tr>${node.children.map(renderNode).join("")}</tr>`;
    case "tableCell":
      return `<td>${renderChildren(node.children)}</td>`;
    default:
      return "children" in node ? (node.children as Nodes[]).map(renderNode).join("") : "";
  }
}

/**
 * Phrasing content as HTML. A revealed cloze whose answer holds math or emphasis (`==$g*f$==`)
 * spans several nodes: its opening `==` ends one text node and its closing `==` starts a later
 * one, so the nodes in between are wrapped in one `<mark>`.
 */
function renderChildren(children: PhrasingContent[]): string {
  let html = "";
  let carried: string | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child) continue;
    if (child.type !== "text" && carried === undefined) {
      html += renderNode(child);
      continue;
    }
    const value = carried ?? (child.type === "text" ? child.value : "");
    carried = undefined;
    const open = openHighlight(value);
    const close = open === undefined ? -1 : closingTextAfter(children, i);
    const closing = children[close];
    if (open === undefined || closing?.type !== "text") {
      html += renderText(value);
      continue;
    }
    const end = closing.value.indexOf("==");
    html += `${renderText(value.slice(0, open))}<mark>${escapeHtml(value.slice(open + 2))}`;
    html += children
      .slice(i + 1, close)
      .map(renderNode)
      .join("");
    html += `${escapeHtml(closing.value.slice(0, end))}</mark>`;
    carried = closing.value.slice(end + 2);
    i = close - 1;
  }
  return html;
}

/** Where an unclosed `==` opens in a text node (the text after it holds no other `==`). */
function openHighlight(value: string): number | undefined {
  const rest = value.replace(/==(?!>)[^=\n]+?==/g, (m) => " ".repeat(m.length));
  const at = rest.lastIndexOf("==");
  if (at === -1 || rest.slice(at + 2).includes("\n") || rest[at + 2] === ">") return undefined;
  return at;
}

/** The index of the next text node that closes a highlight, when none of the nodes between breaks it. */
function closingTextAfter(children: PhrasingContent[], from: number): number {
  for (let j = from + 1; j < children.length; j++) {
    const c = children[j];
    if (c?.type === "break") return -1;
    if (c?.type !== "text") continue;
    const at = c.value.indexOf("==");
    if (at === -1) {
      if (c.value.includes("\n")) return -1;
      continue;
    }
    return c.value.slice(0, at).includes("\n") ? -1 : j;
  }
  return -1;
}

/** Text with `==highlight==` (a revealed cloze) as `<mark>`. */
function renderText(value: string): string {
  return value
    .split(/(==(?!>)[^=\n]+?==)/)
    .map((part) =>
      /^==[^=\n]+==$/.test(part)
        ? `<mark>${escapeHtml(part.slice(2, -2))}</mark>`
        : escapeHtml(part),
    )
    .join("");
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** URL schemes a card link or image may use (relative URLs resolve against this site: allowed). */
const SAFE_SCHEMES = new Set(["http:", "https:"]);

/**
 * The URL as a browser would read it, or undefined when its scheme is not http(s). The mdast URL is
 * already entity-decoded (`jav&#9;ascript:` arrives as "jav\tascript:"); browsers drop tabs and
 * newlines anywhere in a URL and C0 controls and spaces around it, so the same is done here before
 * the scheme is checked, and the WHATWG URL parser (the browsers' own algorithm) decides the scheme.
 */
function safeUrl(url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters browsers strip
  const cleaned = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
  let parsed: URL;
  try {
    parsed = new URL(cleaned, "https://card.invalid/");
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(parsed.protocol) ? cleaned : undefined;
}
