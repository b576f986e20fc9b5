// A TeX fragment's problem (content's texProblemOf, or its parts carried by an import issue) as a
// sentence in the page's language: where KaTeX stopped and why, never KaTeX's English message. Only a
// type from the content package: the import page's client code gets no KaTeX from here.
import type { TexProblem } from "@strides/content";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The fragment as the message quotes it (a long one is cut). */
function shown(tex: string): string {
  const t = tex.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** What the sentence says of a problem. */
export type TexProblemParts = Pick<TexProblem, "tex" | "reason" | "subject" | "position" | "atEnd">;

/** `t`: the `mathError` messages. */
export function mathErrorText(p: TexProblemParts, t: Translate): string {
  const reason = t(p.reason, { subject: p.subject ?? "" });
  const tex = shown(p.tex);
  if (p.atEnd) return t("atEnd", { tex, reason });
  if (p.position !== null) return t("at", { tex, position: p.position, reason });
  return t("somewhere", { tex, reason });
}
