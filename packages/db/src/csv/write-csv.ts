// The one CSV writer (RFC 4180: comma, CRLF, quotes doubled). Text cells that a spreadsheet would
// run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe; numbers,
// dates and booleans are written as values. `csvLines` writes rows as they come (a stream).

export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== "string") return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole (small) table as text. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out;
}

/**
 * A table as text chunks, written as rows arrive: memory stays bounded by one batch of rows.
 * Rows are grouped into chunks of about 64 KiB.
 */
export async function* csvLines(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvCell[]> | Iterable<readonly CsvCell[]>,
): AsyncGenerator<string> {
  let chunk = csvLine(header);
  for await (const r of rows) {
    chunk += csvLine(r);
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
