// Pure (no database): an upload (Markdown notes, a zip of notes and images, Anki plain text,
// CSV) → the notes and images to publish, or errors with file and line. Runs on the server only.
import { createHash } from "node:crypto";
import { AppError, isAppError, parseNote, type TNoteIssue, texProblemOf } from "@strides/content";
import {
  type ColumnMapping,
  type DeckAssetInput,
  MAX_ASSET_BYTES,
  normalizeAssetPath,
  normalizeDeckPath,
  noteImportToSyncNote,
  readAnkiText,
  readCsv,
  type SyncNote,
  sniffImageType,
  type TabularFile,
  type TImportCuration,
  tabularToNote,
  ZImportCuration,
} from "@strides/db";
import { z } from "zod";
import { MAX_UPLOAD_BYTES } from "../../lib/body-limits";
import { eventLoopTurns } from "../../lib/event-loop-turns";
import { frontMatterTags, mapNoteTags, type TTagChoices, ZTagChoices } from "./map-note-tags";
import { findDeckAsset } from "./rewrite-image-urls";
import { expandUpload, type UploadFile } from "./unzip-upload";

export { MAX_UNZIPPED_BYTES } from "./unzip-upload";

export const ZColumnMapping = z.object({
  front: z.number().int().min(0),
  back: z.number().int().min(0).optional(),
  extra: z.number().int().min(0).optional(),
  tags: z.number().int().min(0).optional(),
  guid: z.number().int().min(0).optional(),
  header: z.boolean().optional(),
});
export const ZMappings = z.record(z.string(), ZColumnMapping);
export type TMappings = z.infer<typeof ZMappings>;

export interface ImportIssue {
  file: string;
  line: number | null;
  message: string;
  /** The note parser's issue code ("math-invalid"…): the page names it in its language. */
  code?: string;
  /**
   * An error of ours (a bad path, a table row's field): its `errors` message, which the page says
   * in its language with `params` (the field named in that language too).
   */
  key?: string;
  /** The specifics of the code or key (the formula, the image), worded by the page. */
  params?: Record<string, string | number>;
}

/** An error thrown while reading `file`, as an issue; an AppError keeps its place, key and params. */
function issueOfError(error: unknown, file: string): ImportIssue {
  const message = error instanceof Error ? error.message : String(error);
  if (!isAppError(error)) return { file, line: null, message };
  return {
    file: error.file ?? file,
    line: error.line ?? null,
    message,
    ...(error.key ? { key: error.key } : {}),
    ...(error.params ? { params: error.params } : {}),
  };
}

/**
 * A note's issue for the page: its params, and for invalid math the parts of KaTeX's problem (where
 * and why), so the page says them in its language without KaTeX's English.
 */
export function importIssueOf(issue: TNoteIssue): ImportIssue {
  const out: ImportIssue = {
    file: issue.file,
    line: issue.line,
    message: issue.message,
    code: issue.code,
  };
  let params = issue.params;
  if (issue.code === "math-invalid" && typeof params?.tex === "string") {
    const problem = texProblemOf(params.tex, params.display === 1);
    if (problem) {
      params = {
        ...params,
        reason: problem.reason,
        atEnd: problem.atEnd ? 1 : 0,
        ...(problem.position !== null ? { position: problem.position } : {}),
        ...(problem.subject !== undefined ? { subject: problem.subject } : {}),
      };
    }
  }
  if (params) out.params = params;
  return out;
}

/** An image a note shows that is neither in the upload nor stored with the deck. */
export interface MissingImage extends ImportIssue {
  /** The path it was looked for at (relative to the upload, or site-root `/…`). */
  path: string;
}

export interface TableNeedingMapping {
  file: string;
  format: "anki" | "csv";
  columns: string[];
  sample: string[][];
  suggested: ColumnMapping & { header?: boolean };
}

export interface ReadImportResult {
  notes: SyncNote[];
  assets: DeckAssetInput[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  tables: TableNeedingMapping[];
  missingImages: MissingImage[];
  /** The notes' front-matter tags (before `tagChoices`), for the tags step. */
  noteTags: string[];
}

const IMAGE = /\.(png|jpe?g|gif|webp)$/i;
const decoder = new TextDecoder("utf-8", { fatal: false });

function suggest(table: TabularFile): ColumnMapping & { header?: boolean } {
  const hinted = new Set(Object.values(table.hints));
  const free = table.columns.map((_, i) => i).filter((i) => !hinted.has(i));
  return {
    front: free[0] ?? 0,
    ...(free[1] !== undefined ? { back: free[1] } : {}),
    ...(table.hints.tags !== undefined ? { tags: table.hints.tags } : {}),
    ...(table.hints.guid !== undefined ? { guid: table.hints.guid } : {}),
  };
}

/**
 * Reads an upload. Its work grows with the upload (a zip of 2,000 notes), so it takes turns with
 * the event loop: zips are inflated a slice at a time and notes are parsed between turns (one
 * note's parse is the longest stretch), so the server keeps answering reviews meanwhile.
 */
export async function readImportFiles(options: {
  files: UploadFile[];
  mappings: TMappings;
  existingAssets: readonly string[];
  tagChoices?: TTagChoices;
}): Promise<ReadImportResult> {
  const result: ReadImportResult = {
    notes: [],
    assets: [],
    errors: [],
    warnings: [],
    tables: [],
    missingImages: [],
    noteTags: [],
  };
  const noteTags = new Set<string>();
  const turn = eventLoopTurns();
  let files: UploadFile[];
  try {
    files = await expandUpload(options.files);
  } catch (error) {
    result.errors.push({
      file: "(upload)",
      line: null,
      code: "zip-invalid",
      message: `could not unzip: ${error instanceof Error ? error.message : String(error)}`,
    });
    return result;
  }
  const assetPaths = new Set(options.existingAssets);
  for (const f of files) {
    if (!IMAGE.test(f.name)) continue;
    await turn();
    try {
      const path = normalizeAssetPath(f.name);
      if (!sniffImageType(f.data)) {
        result.errors.push({
          file: f.name,
          line: null,
          code: "image-unreadable",
          message: "not a PNG, JPEG, GIF or WebP image",
        });
        continue;
      }
      if (f.data.byteLength > MAX_ASSET_BYTES) {
        result.errors.push({
          file: f.name,
          line: null,
          code: "image-too-large",
          message: `larger than ${MAX_ASSET_BYTES >> 20} MB`,
          params: { limit: `${MAX_ASSET_BYTES >> 20} MB` },
        });
        continue;
      }
      result.assets.push({ path, data: f.data });
      assetPaths.add(path);
    } catch (error) {
      result.errors.push(issueOfError(error, f.name));
    }
  }
  for (const f of files) {
    if (IMAGE.test(f.name)) continue;
    await turn();
    // Notes are stored by path: relative and normalised, never `..` or absolute.
    let name: string;
    try {
      name = normalizeDeckPath(f.name);
    } catch (error) {
      result.errors.push(issueOfError(error, f.name));
      continue;
    }
    const text = decoder.decode(f.data);
    try {
      if (/\.(md|markdown)$/i.test(name)) {
        const parsed = parseNote({
          text,
          file: name,
          resolveImage: (p: string) => findDeckAsset(p, assetPaths) !== undefined,
        });
        for (const e of parsed.errors) result.errors.push(importIssueOf(e));
        for (const w of parsed.warnings) {
          result.warnings.push(importIssueOf(w));
          const path = w.code === "image-missing" ? w.params?.path : undefined;
          if (typeof path === "string")
            result.missingImages.push({ file: w.file, line: w.line, message: w.message, path });
        }
        const tags = frontMatterTags(parsed.frontMatter);
        for (const tag of tags) noteTags.add(tag);
        if (parsed.errors.length === 0) {
          const note = noteImportToSyncNote(parsed, text);
          result.notes.push(options.tagChoices ? mapNoteTags(note, options.tagChoices) : note);
        }
      } else if (/\.(txt|tsv|csv)$/i.test(name)) {
        const mapping = options.mappings[name];
        const looksAnki = /^\uFEFF?#(separator|html|columns|notetype|deck|tags)/im.test(
          text.slice(0, 500),
        );
        const table =
          looksAnki || !/\.csv$/i.test(name)
            ? readAnkiText(text)
            : readCsv(text, { header: mapping?.header ?? true });
        if (!mapping) {
          result.tables.push({
            file: name,
            format: table.format,
            columns: table.columns,
            sample: table.rows.slice(0, 3).map((r) => r.cells),
            suggested: { ...suggest(table), ...(table.format === "csv" ? { header: true } : {}) },
          });
          continue;
        }
        const { note, errors } = tabularToNote({ file: name, table, mapping });
        result.errors.push(...errors);
        note.contentHash = createHash("sha256").update(text).digest("hex");
        if (errors.length === 0) result.notes.push(note);
      } else if (!/(^|\/)\.|\.(json|yml|yaml)$/i.test(name)) {
        result.warnings.push({
          file: name,
          line: null,
          code: "file-skipped",
          message: "not a note, table or image: skipped",
        });
      }
    } catch (error) {
      result.errors.push(issueOfError(error, name));
    }
  }
  result.noteTags = [...noteTags].sort();
  return result;
}

/** 413 naming the limit (the browser shows `tooLarge` in the learner's language). */
function uploadTooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1 << 20 ? `${Math.floor(maxBytes / (1 << 20))} MB` : `${maxBytes} bytes`;
  return new AppError("TOO_LARGE", `files: the upload is larger than ${size}`, {
    field: "files",
    key: "tooLarge",
    params: { limit: size },
  });
}

/**
 * The request with its body cut off past `maxBytes`, whatever Content-Length says (a chunked upload
 * has none): reading it then fails, and `exceeded()` tells why.
 */
function limitBody(request: Request, maxBytes: number) {
  let seen = 0;
  const body = request.body;
  if (!body) return { request, exceeded: () => false };
  const limited = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(uploadTooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  const init = { method: request.method, headers: request.headers, body: limited, duplex: "half" };
  return {
    request: new Request(request.url, init as RequestInit),
    exceeded: () => seen > maxBytes,
  };
}

function jsonField<T>(form: FormData, field: string, schema: z.ZodType<T>, fallback: unknown): T {
  const raw = form.get(field);
  try {
    return schema.parse(typeof raw === "string" && raw ? JSON.parse(raw) : fallback);
  } catch (cause) {
    const detail = cause instanceof z.ZodError ? cause.issues[0] : undefined;
    const where = detail?.path.length ? `${field}.${detail.path.join(".")}` : field;
    throw new AppError("BAD_INPUT", `${where}: ${detail?.message ?? "invalid JSON"}`, {
      field,
      cause,
      key: "fieldInvalid",
      params: { field },
    });
  }
}

export interface ImportUpload {
  files: UploadFile[];
  mappings: TMappings;
  /** The preview's accept/edit/reject choices (publish). */
  curation: TImportCuration;
  tagChoices: TTagChoices;
  /** The author confirmed publishing although images the notes show are missing. */
  allowMissingImages: boolean;
}

/**
 * The multipart body of the import routes: `files` (repeated), `mappings`, `curation` and `tags`
 * (JSON), `allowMissingImages` ("true").
 */
export async function readUpload(
  request: Request,
  o: { maxBytes?: number } = {},
): Promise<ImportUpload> {
  const maxBytes = o.maxBytes ?? MAX_UPLOAD_BYTES;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw uploadTooLarge(maxBytes);
  const limited = limitBody(request, maxBytes);
  let form: FormData;
  try {
    form = await limited.request.formData();
  } catch (cause) {
    if (limited.exceeded()) throw uploadTooLarge(maxBytes);
    throw new AppError("BAD_INPUT", "files: expected a multipart upload", {
      field: "files",
      cause,
      key: "filesNotMultipart",
    });
  }
  const files: UploadFile[] = [];
  for (const entry of form.getAll("files")) {
    if (typeof entry === "string") continue;
    files.push({ name: entry.name, data: new Uint8Array(await entry.arrayBuffer()) });
  }
  const raw = form.get("mappings");
  let mappings: TMappings;
  try {
    mappings = ZMappings.parse(typeof raw === "string" && raw ? JSON.parse(raw) : {});
  } catch (cause) {
    throw new AppError("BAD_INPUT", "mappings: invalid column mapping", {
      field: "mappings",
      cause,
      key: "mappingsInvalid",
    });
  }
  return {
    files,
    mappings,
    curation: jsonField(form, "curation", ZImportCuration, {}),
    tagChoices: jsonField(form, "tags", ZTagChoices, {}),
    allowMissingImages: form.get("allowMissingImages") === "true",
  };
}
