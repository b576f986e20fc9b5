/** Reads a note's YAML front matter (the `yaml` node of remark-frontmatter). */
import type { Yaml } from "mdast";
import { isMap, parseDocument } from "yaml";
import type { TNoteIssue } from "./schema.ts";

export interface FrontMatter {
  data: Record<string, unknown>;
  title?: string;
  tags: string[];
  /** Front matter `id`: the note's identity for card ids, surviving renames of the file. */
  noteId?: string;
  issues: Omit<TNoteIssue, "file">[];
}

export function readFrontMatter(node: Yaml | undefined): FrontMatter {
  const result: FrontMatter = { data: {}, tags: [], issues: [] };
  if (!node) return result;
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors.slice(0, 5)) {
      // The error's offset in the YAML text (linePos is only set with prettyErrors).
      const yamlLine = node.value.slice(0, error.pos[0]).split("\n").length;
      const line = firstLine + yamlLine - 1;
      result.issues.push({
        severity: "error",
        code: "front-matter-invalid",
        message: `front matter is not valid YAML: ${error.message.split("\n")[0]}`,
        // The YAML library's error code (MISSING_CHAR, DUPLICATE_KEY, …): a page words the common ones.
        params: { yaml: error.code },
        line,
      });
    }
    return result;
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    result.issues.push({
      severity: "error",
      code: "front-matter-invalid",
      message: "front matter must be a mapping of keys to values (key: value)",
      params: { yaml: "NOT_A_MAPPING" },
      line: firstLine,
    });
    return result;
  }
  const data = (doc.toJS({ maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
  result.data = data;
  if (typeof data.title === "string" && data.title.trim() !== "") result.title = data.title.trim();
  if (typeof data.id === "string" && data.id.trim() !== "") result.noteId = data.id.trim();
  else if (typeof data.id === "number") result.noteId = String(data.id);
  result.tags = flattenTags(data.tags);
  return result;
}

/** Tags may be a string ("a, b"), a list, or (as in Jekyll notes) a list of lists. */
function flattenTags(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof v === "string") {
      for (const part of v.split(/[,\s]+/)) if (part !== "") out.push(part);
    } else if (typeof v === "number") out.push(String(v));
    else if (Array.isArray(v)) for (const item of v) walk(item, depth + 1);
  };
  walk(value, 0);
  return out;
}
