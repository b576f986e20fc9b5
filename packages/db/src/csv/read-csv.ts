// The one CSV reader (csv-parse): quoted fields may hold separators, doubled quotes and line
// breaks; a quote inside an unquoted field is literal. Rows whose cells are all blank are skipped.
// Each row knows the line it starts on, so errors can name it.
import { AppError } from "@strides/content";
import { CsvError, parse } from "csv-parse/sync";

export interface CsvRecord {
  /** 1-based line where the row starts (in the text as given, first line 1). */
  line: number;
  cells: string[];
}

export interface ReadCsvOptions {
  /** One character (default ","). */
  delimiter?: string;
  /** Named in errors ("deck.csv"). */
  file?: string;
  /** Added to line numbers (the text starts further down a file). */
  firstLine?: number;
}

export function readCsvRecords(text: string, o: ReadCsvOptions = {}): CsvRecord[] {
  const offset = (o.firstLine ?? 1) - 1;
  const clean = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let parsed: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    parsed = parse(clean, {
      delimiter: o.delimiter ?? ",",
      record_delimiter: "\n",
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_empty_values: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof parsed;
  } catch (cause) {
    const line = (cause instanceof CsvError ? Number(cause.lines) || 1 : 1) + offset;
    const where = o.file ? `${o.file}:${line}` : `line ${line}`;
    const message =
      cause instanceof CsvError && cause.code === "CSV_QUOTE_NOT_CLOSED"
        ? "a quoted field is not closed"
        : cause instanceof Error
          ? cause.message
          : String(cause);
    throw new AppError("PARSE_ERROR", `${where}: ${message}`, {
      cause,
      line,
      ...(o.file ? { file: o.file } : {}),
    });
  }
  return parsed.map((p) => {
    const inner = p.raw.endsWith("\n") ? p.raw.slice(0, -1) : p.raw;
    const breaks = inner.split("\n").length - 1;
    return { line: p.info.lines - breaks + offset, cells: p.record };
  });
}
