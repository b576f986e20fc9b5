"use client";
// Import: choose files → preview (a diff against the deck, errors with file and line, a column
// mapping step for Anki text and CSV) → publish. Uploads show their progress.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { type ApiErrorBody, errorBodyText } from "@/lib/api-error-text";
import type { Translate } from "../authoring/math-error-sentence";
import { ColumnMappingStep, type Mapping, type Table } from "./column-mapping-step";
import {
  CardHtml,
  type Curation,
  CurationList,
  type MissingImage,
  MissingImagesStep,
  NO_CURATION,
  type RenderedCard,
  type TagChoices,
  TagsStep,
} from "./import-curation";
import { type ImportIssue, issueText, type Messages } from "./issue-text";
import { send, uploadName } from "./upload";

/** The issue in the page's language (by its code and params); the parser's English detail where it helps. */
function IssueText({ issue }: { issue: ImportIssue }) {
  const issues = useTranslations("importIssues");
  const details = useTranslations("importIssueDetail");
  const yaml = useTranslations("importIssueYaml");
  const math = useTranslations("mathError");
  const errors = useTranslations("errors");
  const fields = useTranslations("errorFields");
  const locale = useLocale();
  const { text, detail } = issueText(issue, locale, {
    issues: issues as unknown as Messages,
    details: details as unknown as Messages,
    yaml: yaml as unknown as Messages,
    math: math as unknown as Translate,
    errors: errors as unknown as Messages,
    fields: fields as unknown as Messages,
  });
  return (
    <>
      {text}
      {detail ? <span className="muted small"> ({detail})</span> : null}
    </>
  );
}

interface PreviewResponse {
  preview: Record<"added" | "changed" | "unchanged" | "retired" | "rejected", RenderedCard[]>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  tables: Table[];
  assets: { path: string; size: number }[];
  missingImages: MissingImage[];
  noteTags: string[];
}
type Report = Record<"added" | "changed" | "unchanged" | "retired" | "assets" | "rejected", number>;

export function ImportForm({ slug }: { slug: string }) {
  const t = useTranslations("authoring");
  const tc = useTranslations("importCuration");
  const tErrors = useTranslations("errors");
  const tFields = useTranslations("errorFields");
  const [files, setFiles] = useState<File[]>([]);
  const [extra, setExtra] = useState<{ file: File; name: string }[]>([]);
  const [curation, setCuration] = useState<Curation>(NO_CURATION);
  const [tagChoices, setTagChoices] = useState<TagChoices>({ drop: [], map: {} });
  const [allowMissing, setAllowMissing] = useState(false);
  const [mappings, setMappings] = useState<Record<string, Mapping>>({});
  const [result, setResult] = useState<PreviewResponse | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<{ label: string; value: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  function body(m: Record<string, Mapping>, more = extra) {
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    for (const f of more) form.append("files", f.file, f.name);
    form.append("mappings", JSON.stringify(m));
    form.append("curation", JSON.stringify(curation));
    form.append("tags", JSON.stringify(tagChoices));
    form.append("allowMissingImages", String(allowMissing));
    return form;
  }

  // The buttons are disabled while a preview or publish runs, which drops the focus of the one
  // pressed to the document: when it ends, the focus goes to what came of it (errors, the preview,
  // the report), where a keyboard or screen-reader user reads on.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const ran = useRef(false);
  useEffect(() => {
    if (progress !== null || !ran.current) return;
    if (document.activeElement === null || document.activeElement === document.body) {
      outcomeRef.current?.focus();
    }
  }, [progress]);

  async function run<T>(kind: "preview" | "publish", m: Record<string, Mapping>, more = extra) {
    ran.current = true;
    setError(null);
    setProgress({ label: t(kind === "preview" ? "uploading" : "publishing"), value: 0 });
    try {
      const r = await send<T & { error?: ApiErrorBody; errors?: ImportIssue[] }>(
        `/decks/${slug}/import/${kind}`,
        body(m, more),
        (v) =>
          setProgress({ label: t(v < 1 ? "uploading" : "processing"), value: v < 1 ? v : null }),
      );
      if (r.status >= 400) {
        const body = r.json.error ?? {};
        setError(
          errorBodyText(body, body.message ?? `HTTP ${r.status}`, tErrors, { fields: tFields }),
        );
        if (r.json.errors && result) setResult({ ...result, errors: r.json.errors });
        return null;
      }
      return r.json;
    } catch (e) {
      const network = e instanceof Error && e.message === "network error";
      setError(tErrors(network ? "network" : "unexpected"));
      return null;
    } finally {
      setProgress(null);
    }
  }

  async function preview(m = mappings, more = extra) {
    setReport(null);
    const r = await run<PreviewResponse>("preview", m, more);
    if (r) setResult(r);
  }

  function addFiles(added: File[]) {
    const missing = result?.missingImages ?? [];
    const more = [...extra, ...added.map((file) => ({ file, name: uploadName(file, missing) }))];
    setExtra(more);
    void preview(mappings, more);
  }

  async function publish() {
    const r = await run<Report>("publish", mappings);
    if (r) {
      setReport(r);
      setResult(null);
      setCuration(NO_CURATION);
    }
  }

  // Publishing nothing (no card added, changed or retired, no image) is not offered.
  const changes =
    result === null
      ? 0
      : result.preview.added.length +
        result.preview.changed.length +
        result.preview.retired.length +
        result.assets.length;
  const ready =
    result !== null &&
    changes > 0 &&
    result.errors.length === 0 &&
    result.tables.length === 0 &&
    files.length > 0 &&
    (result.missingImages.length === 0 || allowMissing);

  return (
    <div>
      <label htmlFor="import-files">{t("chooseFiles")}</label>
      <input
        id="import-files"
        type="file"
        multiple
        accept=".md,.markdown,.zip,.txt,.tsv,.csv,.png,.jpg,.jpeg,.gif,.webp"
        onChange={(e) => {
          setFiles(Array.from(e.currentTarget.files ?? []));
          setExtra([]);
          setCuration(NO_CURATION);
          setAllowMissing(false);
          setResult(null);
          setReport(null);
          setMappings({});
        }}
      />
      <p className="muted">{t("importHelp")}</p>
      <p>
        <button
          type="button"
          disabled={files.length === 0 || progress !== null}
          onClick={() => preview()}
        >
          {t("preview")}
        </button>{" "}
        <button
          type="button"
          className="primary"
          disabled={!ready || progress !== null}
          onClick={publish}
        >
          {t("publish")}
        </button>
      </p>
      {progress ? (
        <p role="status">
          {progress.label}{" "}
          <progress value={progress.value ?? undefined} max={1} aria-label={progress.label} />
        </p>
      ) : null}
      <div ref={outcomeRef} tabIndex={-1} className="import-outcome">
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        {report ? (
          <p role="status" data-testid="import-report">
            {t("published", report)} {tc("publishedRejected", { rejected: report.rejected })}
          </p>
        ) : null}
        {result ? (
          <>
            {result.errors.length > 0 ? (
              <section className="card" aria-labelledby="import-errors">
                <h2 id="import-errors">{t("errorsTitle")}</h2>
                <ul data-testid="import-errors">
                  {result.errors.map((e) => (
                    <li key={`${e.file}:${e.line}:${e.message}`} className="error">
                      <code>
                        {e.file}
                        {e.line ? `:${e.line}` : ""}
                      </code>{" "}
                      <IssueText issue={e} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {result.tables.map((table) => (
              <ColumnMappingStep
                key={table.file}
                table={table}
                onApply={(m) => {
                  const next = { ...mappings, [table.file]: m };
                  setMappings(next);
                  void preview(next);
                }}
              />
            ))}
            {result.missingImages.length > 0 ? (
              <MissingImagesStep
                missing={result.missingImages}
                onAdd={addFiles}
                allow={allowMissing}
                onAllow={setAllowMissing}
              />
            ) : null}
            {result.noteTags.length > 0 ? (
              <TagsStep tags={result.noteTags} choices={tagChoices} onChange={setTagChoices} />
            ) : null}
            <CurationList
              cards={[
                ...result.preview.added,
                ...result.preview.changed,
                ...result.preview.unchanged,
              ]
                .map((c, i) => ({ c, i }))
                .sort((a, b) => b.c.flags.length - a.c.flags.length || a.i - b.i)
                .map(({ c }) => c)}
              earlier={result.preview.rejected}
              curation={curation}
              onChange={setCuration}
            />
            <section className="card" aria-labelledby="import-diff">
              <h2 id="import-diff">{t("diffTitle")}</h2>
              <p data-testid="import-summary">
                {t("diffSummary", {
                  added: result.preview.added.length,
                  changed: result.preview.changed.length,
                  retired: result.preview.retired.length,
                  unchanged: result.preview.unchanged.length,
                  assets: result.assets.length,
                })}
              </p>
              {(["retired"] as const).map((k) =>
                result.preview[k].length > 0 ? (
                  <details key={k} open>
                    <summary>
                      {t(`diff.${k}`)} ({result.preview[k].length})
                    </summary>
                    <ul>
                      {result.preview[k].slice(0, 200).map((c) => (
                        <li key={c.key}>
                          <CardHtml html={c.frontHtml} />
                          <span className="muted">
                            {c.file}
                            {c.line ? `:${c.line}` : ""}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null,
              )}
              {result.warnings.length > 0 ? (
                <details>
                  <summary>
                    {t("warnings")} ({result.warnings.length})
                  </summary>
                  <ul>
                    {result.warnings.map((w) => (
                      <li key={`${w.file}:${w.line}:${w.message}`}>
                        <code>
                          {w.file}
                          {w.line ? `:${w.line}` : ""}
                        </code>{" "}
                        <IssueText issue={w} />
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
