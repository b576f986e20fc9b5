// A save refused for its math, in the page's language (the sentence: math-error-sentence.ts).
import { texProblemOf } from "@strides/content";
import { mathErrorText, type Translate } from "./math-error-sentence";

export { mathErrorText };

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
