// What the import page says of one issue of a note (an error or a warning), in the page's language:
// the text of its code with its specifics (the formula and why KaTeX refuses it, the image, the YAML
// problem) when the issue carries them; else the code's text alone, and the parser's own message
// (English) only where it is read as is: on an English page, or when the code has no text of ours.
import type { TexProblemReason } from "@strides/content";
import { type ErrorMessages, errorBodyText } from "../../lib/api-error-text";
import { mathErrorText, type Translate } from "../authoring/math-error-sentence";
import type { ImportIssue } from "./read-import-files";

export type { ImportIssue };

/** A translator of one namespace that can say whether it has a key (next-intl's `t`). */
export type Messages = Translate & { has: (key: string) => boolean };

export interface IssueMessages {
  /** `importIssues`: a code's text. */
  issues: Messages;
  /** `importIssueDetail`: a code's text with its params. */
  details: Messages;
  /** `importIssueYaml`: what the YAML library's error code means. */
  yaml: Messages;
  /** `mathError`: a formula's problem. */
  math: Translate;
  /** `errors`: an error of ours by its key (a bad path, a table row's field). */
  errors: ErrorMessages;
  /** `errorFields`: the field an error names. */
  fields: ErrorMessages;
}

const TEX_REASONS: readonly TexProblemReason[] = [
  "undefined-command",
  "unknown-environment",
  "ends-early",
  "missing-argument",
  "not-here",
  "double-superscript",
  "double-subscript",
  "other",
];

/** The issue's specifics in the page's language, null when it carries none we can word. */
function specificText(issue: ImportIssue, m: IssueMessages): string | null {
  const p = issue.params;
  if (!p || !issue.code) return null;
  if (issue.code === "math-invalid") {
    const reason = TEX_REASONS.find((r) => r === p.reason);
    if (typeof p.tex !== "string" || !reason) return null;
    return mathErrorText(
      {
        tex: p.tex,
        reason,
        atEnd: p.atEnd === 1,
        position: typeof p.position === "number" ? p.position : null,
        ...(typeof p.subject === "string" ? { subject: p.subject } : {}),
      },
      m.math,
    );
  }
  if (issue.code === "front-matter-invalid") {
    if (typeof p.yaml !== "string" || !m.yaml.has(p.yaml)) return null;
    return m.details("front-matter-invalid", { problem: m.yaml(p.yaml) });
  }
  if (!m.details.has(issue.code)) return null;
  try {
    return m.details(issue.code, p);
  } catch {
    // params that do not fit the text (an older or newer server): the code's text instead
    return null;
  }
}

export function issueText(
  issue: ImportIssue,
  locale: string,
  m: IssueMessages,
): { text: string; detail: string | null } {
  if (issue.key && m.errors.has(issue.key)) {
    const text = errorBodyText(issue, issue.message, m.errors, { fields: m.fields });
    return { text, detail: null };
  }
  const specific = specificText(issue, m);
  if (specific !== null) return { text: specific, detail: null };
  if (!issue.code || !m.issues.has(issue.code)) return { text: issue.message, detail: null };
  return { text: m.issues(issue.code), detail: locale === "en" ? issue.message : null };
}
