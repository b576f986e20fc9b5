// What the import page says of one issue of a note (an error or a warning): the text of its code in
// the page's language, and the parser's own message (English) only where it is read as is: on an
// English page, or when the code has no text of ours.

export interface ImportIssue {
  file: string;
  line: number | null;
  message: string;
  code?: string;
}

/** `translated`: the code's text in the page's language, null when there is none. */
export function issueText(
  issue: ImportIssue,
  locale: string,
  translated: string | null,
): { text: string; detail: string | null } {
  if (translated === null) return { text: issue.message, detail: null };
  return { text: translated, detail: locale === "en" ? issue.message : null };
}
