/**
 * Cards from a GFM table: comparison tables ("model | proposal | speed") are a common way notes
 * hold facts. Each filled cell becomes one focused card asking for it by its row and column:
 * "Fast R-CNN — 속도?" → "2.3s/img". A table whose header's first cell is empty is read the other
 * way round (columns are the things compared, rows their properties). A two-column table of terms
 * ("용어 | 설명") asks for each term's explanation, as a `term: explanation` line does. A table
 * that names nothing per row is skipped with a reason.
 */
import type { PhrasingContent, Table, TableCell } from "mdast";
import type { CardCollector } from "./card-collector.ts";
import { cleanLabel } from "./line-shapes.ts";
import { endLine, inlineMarkdown, type NoteSource, startLine } from "./markdown-source.ts";
import type { Scope } from "./section-cards.ts";

/** Column headers that say "the explanation" rather than naming a property. */
const EXPLANATION_HEADER =
  /^(?:설명|의미|뜻|정의|내용|특징|비고|description|explanation|meaning|definition|details?|notes?|summary|요약)$/iu;

/** A bigger table is reference data (a results sheet, a layer listing), not cards. */
export const MAX_TABLE_CELLS = 60;

/** Cells that hold no fact: empty, a dash, a question mark. */
const PLACEHOLDER = /^(?:[-–—?？·.]|n\/?a|tbd|없음)?$/iu;

function cellMarkdown(cell: TableCell | undefined, src: NoteSource): string {
  const children = cell?.children ?? [];
  const first = children[0]?.position?.start;
  const last = children[children.length - 1]?.position?.end;
  if (!cell || !first || !last) return "";
  const span = {
    type: "paragraph" as const,
    children: children as PhrasingContent[],
    position: { start: first, end: last },
  };
  return inlineMarkdown(span, src)
    .replace(/\\\|/g, "|")
    .replace(/<br\s*\/?>/giu, " ")
    .trim();
}

/** Cards from a table; false (and a skip) when the table names nothing per row. */
export function tableCards(c: CardCollector, table: Table, src: NoteSource, scope: Scope): boolean {
  const [head, ...rows] = table.children;
  const header = (head?.children ?? []).map((cell) => cleanLabel(cellMarkdown(cell, src)));
  const line = startLine(table, src);
  const keys = rows.map((row) => cleanLabel(cellMarkdown(row.children[0], src)));
  const unique = new Set(keys.map((k) => k.toLowerCase()));
  if (
    header.length < 2 ||
    rows.length === 0 ||
    keys.some((k) => PLACEHOLDER.test(k)) ||
    unique.size !== keys.length
  ) {
    c.skip(
      line,
      header.join(" | "),
      "label-without-content",
      "a table whose first column does not name each row once: nothing to ask by",
    );
    return false;
  }
  const cells = rows.length * (header.length - 1);
  if (cells > MAX_TABLE_CELLS) {
    c.skip(
      line,
      header.join(" | "),
      "too-many-items",
      `a table of ${cells} cells (more than ${MAX_TABLE_CELLS}): reference data rather than facts to recall one by one`,
    );
    return false;
  }
  // "| | ResNet | DenseNet |": the columns are the things compared, the rows their properties.
  const transposed = header[0] === "";
  const terms = header.length === 2 && EXPLANATION_HEADER.test(header[1] ?? "");
  rows.forEach((row, r) => {
    const key = keys[r] ?? "";
    for (let j = 1; j < header.length; j++) {
      const column = header[j] ?? "";
      const back = cellMarkdown(row.children[j], src);
      if (column === "" || PLACEHOLDER.test(back)) continue;
      const front = terms ? key : transposed ? `${column} — ${key}?` : `${key} — ${column}?`;
      c.drafts.push({
        kind: "basic",
        front,
        back,
        direction: "forward",
        idFront: front,
        lineStart: startLine(row, src),
        lineEnd: endLine(row, src),
        context: scope.context,
        siblingKey: `T${line}:${r}`,
        origin: "extracted",
      });
    }
  });
  return true;
}
