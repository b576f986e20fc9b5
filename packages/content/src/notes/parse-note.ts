/**
 * `parseNote`: one Markdown note in, typed cards out. Pure: no file system, no clock. Built on
 * unified/remark (see markdown-parser.ts) so that structure and positions come from a real
 * Markdown parser rather than regular expressions over the raw text.
 */
import type { Yaml } from "mdast";
import { AppError, isAppError } from "../errors.ts";
import { buildCards } from "./build-cards.ts";
import { checkNoteContent } from "./check-note-content.ts";
import { readFrontMatter } from "./front-matter.ts";
import { parseMarkdown } from "./markdown-parser.ts";
import type { NoteSource } from "./markdown-source.ts";
import { normalizeNoteSource } from "./normalize-note-source.ts";
import { NoteWalker } from "./note-walker.ts";
import { proposeExercises } from "./propose-exercises/index.ts";
import type { TNoteImport, TNoteIssue } from "./schema.ts";
import { dropWorkedExamples } from "./worked-examples.ts";

/** Notes larger than this are refused (a study note is a few kilobytes; 2 MB is far beyond). */
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;

export interface ParseNoteOptions {
  text: string;
  /** The note's path as shown in messages (file:line) and used to resolve images. */
  file: string;
  /** Path relative to its deck; part of card identity. Defaults to `file`. */
  deckPath?: string;
  /** Tells whether a file exists; images are resolved against the note's directory first. */
  resolveImage?: (path: string) => boolean;
  /** Return the cards that could be made even when the note has errors. Default: false. */
  partial?: boolean;
  maxBytes?: number;
}

export function parseNote(options: ParseNoteOptions): TNoteImport {
  const { file } = options;
  const deckPath = options.deckPath ?? file;
  try {
    return parseNoteUnchecked({ ...options, deckPath });
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError("INTERNAL", `could not read note ${file}: ${describe(error)}`, {
      file,
      cause: error,
    });
  }
}

function parseNoteUnchecked(options: ParseNoteOptions & { deckPath: string }): TNoteImport {
  const { file, deckPath } = options;
  const result: TNoteImport = {
    file,
    deckPath,
    cards: [],
    warnings: [],
    errors: [],
    skipped: [],
    frontMatter: {},
  };
  const report = (issue: Omit<TNoteIssue, "file">) => {
    const full = { ...issue, file };
    if (issue.severity === "error") result.errors.push(full);
    else result.warnings.push(full);
  };

  const refusal = refuseInput(options.text, options.maxBytes ?? MAX_NOTE_BYTES);
  if (refusal) {
    report(refusal);
    return result;
  }
  const original = options.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (original.trim() === "") {
    report({ severity: "warning", code: "note-empty", message: "the note is empty", line: 1 });
    return result;
  }
  for (const issue of indentationIssues(original)) report(issue);
  const normalized = normalizeNoteSource(original);
  for (const issue of normalized.issues) report(issue);
  const clamped = clampIndentation(normalized.text);
  const text = clamped.text;
  if (clamped.firstLine !== undefined) {
    report({
      severity: "warning",
      code: "list-too-deep",
      message: `lines indented more than ${MAX_INDENT_COLUMNS} columns (${clamped.count} lines) were read as if indented ${MAX_INDENT_COLUMNS}; nesting that deep is not kept`,
      line: clamped.firstLine,
    });
  }

  const tree = parseMarkdown(text);
  const src: NoteSource = { text, lineOffset: 0, missingImages: new WeakSet() };
  const yaml = tree.children[0]?.type === "yaml" ? (tree.children[0] as Yaml) : undefined;
  if (!yaml && /^---[ \t]*\n/.test(text)) {
    report({
      severity: "error",
      code: "front-matter-unclosed",
      message: 'front matter starts with "---" on line 1 but is never closed by a "---" line',
      line: 1,
    });
  }
  const frontMatter = readFrontMatter(yaml);
  result.frontMatter = frontMatter.data;
  for (const issue of frontMatter.issues) report(issue);

  const checkOptions = { file, resolveImage: options.resolveImage };
  for (const issue of checkNoteContent(tree, src, checkOptions)) report(issue);

  const walker = new NoteWalker(
    {
      reparse(blockText, lineOffset) {
        const subTree = parseMarkdown(blockText);
        const subSrc: NoteSource = { text: blockText, lineOffset, missingImages: new WeakSet() };
        for (const issue of checkNoteContent(subTree, subSrc, checkOptions)) report(issue);
        return { tree: subTree, src: subSrc };
      },
    },
    frontMatter.title,
  );
  walker.walkRoot(tree, src);
  const found = walker.cards;
  dropWorkedExamples(found);
  for (const issue of found.issues) report(issue);
  result.skipped = found.skipped.map((s) => ({ ...s, file }));
  found.drafts.push(...proposeExercises(tree, { title: frontMatter.title, source: text }));

  const built = buildCards(found.drafts, {
    file,
    deckPath,
    noteKey: frontMatter.noteId ?? deckPath,
    tags: frontMatter.tags,
  });
  for (const issue of built.issues) report(issue);
  result.errors.sort((a, b) => a.line - b.line);
  result.warnings.sort((a, b) => a.line - b.line);
  result.skipped.sort((a, b) => a.line - b.line);
  result.cards = result.errors.length > 0 && options.partial !== true ? [] : built.cards;
  return result;
}

/** Binary and oversized input is refused before parsing. */
function refuseInput(text: string, maxBytes: number): Omit<TNoteIssue, "file"> | undefined {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes) {
    return {
      severity: "error",
      code: "note-too-large",
      message: `the note is ${(bytes / 1024 / 1024).toFixed(1)} MB; notes larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MB are not imported (split it into several notes)`,
      line: 1,
    };
  }
  const sample = text.slice(0, 8192);
  const nul = sample.indexOf("\u0000");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  const control = sample.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (nul !== -1 || (sample.length > 0 && control / sample.length > 0.05)) {
    const at = nul !== -1 ? nul : 0;
    return {
      severity: "error",
      code: "note-binary",
      message: "this looks like a binary file, not a Markdown note",
      line: sample.slice(0, at).split("\n").length,
    };
  }
  return undefined;
}

/**
 * Markdown parsing slows down sharply with very deep nesting, so indentation beyond
 * `MAX_INDENT_COLUMNS` is cut back before parsing. Line numbers stay the same.
 */
export const MAX_INDENT_COLUMNS = 40;

function clampIndentation(text: string): { text: string; count: number; firstLine?: number } {
  let count = 0;
  let firstLine: number | undefined;
  const lines = text.split("\n").map((line, i) => {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? "";
    if (indent.length <= MAX_INDENT_COLUMNS / 4) return line;
    const columns = [...indent].reduce(
      (col, ch) => (ch === "\t" ? col + 4 - (col % 4) : col + 1),
      0,
    );
    if (columns <= MAX_INDENT_COLUMNS) return line;
    count++;
    firstLine ??= i + 1;
    return " ".repeat(MAX_INDENT_COLUMNS) + line.slice(indent.length);
  });
  return firstLine === undefined ? { text, count } : { text: lines.join("\n"), count, firstLine };
}

/** Lines whose indentation mixes tabs and spaces: the nesting Markdown sees may not be the intended one. */
function indentationIssues(text: string): Omit<TNoteIssue, "file">[] {
  const issues: Omit<TNoteIssue, "file">[] = [];
  const lines = text.split("\n");
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const indent = /^[ \t]*/.exec(lines[i] ?? "")?.[0] ?? "";
    if (indent.includes("\t") && indent.includes(" ") && (lines[i] ?? "").trim() !== "") {
      count++;
      if (count <= 5) {
        issues.push({
          severity: "warning",
          code: "indent-mixed",
          message:
            "indentation mixes tabs and spaces (a tab counts as up to 4 columns); list nesting may not be what you see",
          line: i + 1,
        });
      }
    }
  }
  if (count > 5) {
    issues.push({
      severity: "warning",
      code: "indent-mixed",
      message: `${count - 5} more lines mix tabs and spaces in their indentation`,
      line: 1,
    });
  }
  return issues;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
