// A TeX fragment's problem (content's texProblemOf) as a sentence in the page's language: where
// KaTeX stopped and why, never KaTeX's English message.
import { type TexProblem, texProblemOf } from "@strides/content";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The fragment as the message quotes it (a long one is cut). */
function shown(tex: string): string {
  const t = tex.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** `t`: the `mathError` messages. */
export function mathErrorText(p: TexProblem, t: Translate): string {
  const reason = t(p.reason, { subject: p.subject ?? "" });
  const tex = shown(p.tex);
  if (p.atEnd) return t("atEnd", { tex, reason });
  if (p.position !== null) return t("at", { tex, position: p.position, reason });
  return t("somewhere", { tex, reason });
}

/**
 * A save refused for its math (`mathInvalid`, with the fragment in `params.tex`): the field's name,
 * then the problem in the page's language; null when the params do not name a fragment.
 */
export function mathInvalidText(
  params: Record<string, string | number> | undefined,
  fieldName: string,
  t: Translate,
): string | null {
  if (typeof params?.tex !== "string") return null;
  const problem = texProblemOf(params.tex, params.display === 1);
  return problem ? `${fieldName}: ${mathErrorText(problem, t)}` : null;
}
