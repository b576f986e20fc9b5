// Decks from elsewhere: Anki's "Notes in Plain Text" export and CSV files. Pure: text in, rows and
// header options out; `tabularToNote` turns rows into cards with a column mapping.
import { AppError, isAppError, makeCardId } from "@strides/content";
import { readCsvRecords } from "../csv/read-csv.ts";
import type { SyncNote } from "../decks/sync-deck-cards.ts";
import { cardsFromFields } from "./card-from-fields.ts";

export interface TabularRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

/** Splits delimited text into rows (the one CSV reader: quoted fields may span lines). */
export function splitDelimited(text: string, separator: string, firstLine = 1): TabularRow[] {
  return readCsvRecords(text, { delimiter: separator, firstLine });
}

const SEPARATORS: Record<string, string> = {
  tab: "\t",
  comma: ",",
  semicolon: ";",
  pipe: "|",
  space: " ",
  colon: ":",
};

export interface TabularFile {
  format: "anki" | "csv";
  html: boolean;
  /** Column names: Anki's `#columns`, or the CSV header row, or "1", "2", …. */
  columns: string[];
  rows: TabularRow[];
  /** 0-based columns Anki's header names. */
  hints: { tags?: number; guid?: number; notetype?: number; deck?: number };
}

/** Reads Anki's plain-text export: `#key:value` header lines, then delimited rows. */
export function readAnkiText(text: string): TabularFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headers = new Map<string, string>();
  let i = 0;
  while (i < lines.length && (lines[i] as string).startsWith("#")) {
    const m = /^#([a-z ]+):(.*)$/i.exec(lines[i] as string);
    if (m) headers.set((m[1] as string).trim().toLowerCase(), (m[2] as string).trim());
    i++;
  }
  const sepName = headers.get("separator") ?? "tab";
  const separator = SEPARATORS[sepName.toLowerCase()] ?? sepName;
  if (separator.length !== 1) {
    throw new AppError("PARSE_ERROR", `line 1: unknown #separator "${sepName}"`, { line: 1 });
  }
  const rows = splitDelimited(lines.slice(i).join("\n"), separator, i + 1);
  const col = (name: string) => {
    const v = headers.get(`${name} column`);
    return v && /^\d+$/.test(v) ? Number(v) - 1 : undefined;
  };
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const named = headers.get("columns")?.split(separator);
  const columns = Array.from({ length: width }, (_, k) => named?.[k]?.trim() || String(k + 1));
  const hints: TabularFile["hints"] = {};
  for (const k of ["tags", "guid", "notetype", "deck"] as const) {
    const c = col(k);
    if (c !== undefined) hints[k] = c;
  }
  return { format: "anki", html: headers.get("html") === "true", columns, rows, hints };
}

/** Reads CSV: the separator is guessed from the first line (comma, semicolon or tab). */
export function readCsv(text: string, options: { header: boolean }): TabularFile {
  const clean = text.replace(/^\uFEFF/, "");
  const first = clean.split(/\r?\n/, 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((s) => [s, first.split(s).length] as const);
  const separator = counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ",";
  const rows = splitDelimited(clean, separator);
  const headerRow = options.header ? rows.shift() : undefined;
  const width = Math.max(0, ...rows.map((r) => r.cells.length), headerRow?.cells.length ?? 0);
  const columns = Array.from(
    { length: width },
    (_, k) => headerRow?.cells[k]?.trim() || String(k + 1),
  );
  return { format: "csv", html: false, columns, rows, hints: {} };
}

/** Anki HTML field → Markdown-ish text: line breaks kept, tags dropped, entities decoded, math as $…$. */
export function ankiFieldToMarkdown(value: string, html: boolean): string {
  let v = value;
  if (html) {
    v = v
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(div|p|li)>/gi, "\n")
      .replace(/<(b|strong)>(.*?)<\/\1>/gi, "**$2**")
      .replace(/<(i|em)>(.*?)<\/\1>/gi, "*$2*")
      .replace(/<img[^>]*src="([^"]+)"[^>]*>/gi, "![]($1)")
      .replace(/<[^>]+>/g, "")
      .replace(/&nbsp;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  }
  return v
    .replace(/\\\((.+?)\\\)/g, (_m, tex) => `$${tex}$`)
    .replace(/\\\[([\s\S]+?)\\\]/g, (_m, tex) => `$$${tex}$$`)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export interface ColumnMapping {
  front: number;
  back?: number;
  extra?: number;
  tags?: number;
  guid?: number;
}

export interface TabularIssue {
  file: string;
  line: number;
  message: string;
  /** The error's key and params (`errors` messages): the field and what is wrong with it. */
  key?: string;
  params?: Record<string, string | number>;
}

/** Rows → one note of basic (or cloze, when the front holds `{{c1::…}}`) cards; errors name file and line. */
export function tabularToNote(options: {
  file: string;
  table: TabularFile;
  mapping: ColumnMapping;
}): { note: SyncNote; errors: TabularIssue[] } {
  const { file, table, mapping } = options;
  const errors: TabularIssue[] = [];
  const cards: SyncNote["cards"] = [];
  const cell = (row: TabularRow, c: number | undefined) =>
    c === undefined ? "" : ankiFieldToMarkdown(row.cells[c] ?? "", table.html);
  for (const row of table.rows) {
    const front = cell(row, mapping.front);
    const back = cell(row, mapping.back);
    const tags = (mapping.tags === undefined ? "" : (row.cells[mapping.tags] ?? "")).trim();
    const guid = mapping.guid === undefined ? "" : (row.cells[mapping.guid] ?? "").trim();
    const cloze = /\{\{c\d+::/.test(front);
    const kind = cloze ? "cloze" : "basic";
    const key = makeCardId({
      noteKey: file,
      kind,
      context: [],
      front,
      ...(guid ? { anchor: guid } : {}),
    });
    const fields = cloze
      ? { kind, text: back ? `${front}\n\n${back}` : front, tags }
      : { kind, front, back, extra: cell(row, mapping.extra), tags };
    try {
      for (const c of cardsFromFields({ fields, key })) {
        cards.push({ ...c, lineStart: row.line, lineEnd: row.line });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({
        file,
        line: row.line,
        message,
        ...(isAppError(error) && error.key ? { key: error.key } : {}),
        ...(isAppError(error) && error.params ? { params: error.params } : {}),
      });
    }
  }
  return { note: { path: file, contentHash: "", cards }, errors };
}
