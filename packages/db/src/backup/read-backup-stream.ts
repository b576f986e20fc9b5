// Reads a backup file (the JSON streamInstanceBackup writes) as it arrives, one row at a time, so a
// restore of any size holds one row (and the batch being written) in memory, never the whole file.
// A small scanner over the text: it follows strings (with escapes) and nesting, reads the top-level
// fields before "tables" (format, version), and hands each row object of each table's array to
// JSON.parse. Chunks may split anything anywhere.
import { AppError } from "@strides/content";

export type BackupEvent =
  | { kind: "header"; header: Record<string, unknown> }
  | { kind: "table"; table: string }
  | { kind: "row"; table: string; row: Record<string, unknown> };

const badFile = (message: string) => new AppError("BAD_INPUT", message, { field: "backup" });

/**
 * The events of a backup's text: the header once "tables" begins (the fields written before it),
 * then each table's name and rows in file order. Throws BAD_INPUT on text that is not such a file,
 * or that ends early.
 */
export async function* readBackupStream(
  chunks: AsyncIterable<string | Buffer>,
): AsyncGenerator<BackupEvent> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  // The string being read outside rows (keys and top-level values), raw (escapes kept).
  let text = "";
  let lastString: string | null = null;
  let key: string | null = null; // the current key at depth 1
  let table: string | null = null; // the current table (key at depth 2 inside "tables")
  let scalar: string | null = null; // a top-level non-string value being read
  const header: Record<string, unknown> = {};
  let inRow = false;
  let carry = ""; // the start of a row split across chunks
  let done = false;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const endScalar = () => {
    if (key !== null && scalar !== null && scalar.trim() !== "") {
      try {
        header[key] = JSON.parse(scalar.trim());
      } catch {
        throw badFile("not a Strides backup");
      }
    }
    scalar = null;
  };
  for await (const piece of chunks) {
    const chunk =
      typeof piece === "string" ? piece : decoder.decode(piece as Uint8Array, { stream: true });
    let rowStart = inRow ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') {
          inString = false;
          if (!inRow) {
            try {
              lastString = JSON.parse(`"${text}"`) as string;
            } catch {
              throw badFile("not a Strides backup");
            }
            if (scalar !== null && depth === 1 && key !== null) {
              header[key] = lastString;
              scalar = null;
            }
          }
          continue;
        }
        if (!inRow) text += c;
        continue;
      }
      if (done) {
        if (c.trim() !== "") throw badFile("text after the end of the backup");
        continue;
      }
      switch (c) {
        case '"':
          inString = true;
          text = "";
          break;
        case "{":
        case "[":
          if (depth === 0 && c !== "{") throw badFile("not a Strides backup");
          if (depth === 3 && table !== null && c === "{") {
            inRow = true;
            rowStart = i;
          }
          if (depth === 1) scalar = null;
          depth++;
          break;
        case "}":
        case "]":
          if (depth === 1) endScalar();
          if (inRow && depth === 4) {
            const rowText = carry + chunk.slice(rowStart, i + 1);
            carry = "";
            inRow = false;
            rowStart = -1;
            let row: unknown;
            try {
              row = JSON.parse(rowText);
            } catch {
              throw badFile(`a row of ${table} is not valid JSON`);
            }
            yield { kind: "row", table: table as string, row: row as Record<string, unknown> };
          }
          depth--;
          if (depth === 2 && key === "tables") table = null;
          if (depth === 0) done = true;
          if (depth < 0) throw badFile("not a Strides backup");
          break;
        case ":":
          if (depth === 1) {
            key = lastString;
            if (key === "tables") {
              yield { kind: "header", header };
            } else scalar = "";
          } else if (depth === 2 && key === "tables" && lastString !== null) {
            table = lastString;
            yield { kind: "table", table };
          }
          break;
        case ",":
          if (depth === 1) endScalar();
          break;
        default:
          if (depth === 1 && scalar !== null && !inRow) scalar += c;
      }
    }
    if (inRow) carry += chunk.slice(Math.max(0, rowStart));
  }
  if (!done || inString) throw badFile("the backup file ends early (truncated?)");
}
