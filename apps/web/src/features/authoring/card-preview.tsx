"use client";
// One field of the card editor's live preview, rendered in the browser with KaTeX; math KaTeX
// cannot read is named under it in the page's language (where, and why).
import { findTexProblems, renderMarkdownToHtml } from "@strides/content";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { mathErrorText } from "./math-error-text";

export function CardPreview({ markdown, label }: { markdown: string; label: string }) {
  const t = useTranslations("mathError");
  const { html, problems } = useMemo(() => {
    try {
      return { html: renderMarkdownToHtml(markdown), problems: findTexProblems(markdown) };
    } catch {
      return { html: "", problems: [] };
    }
  }, [markdown]);
  return (
    <section className="card preview" aria-label={label}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the content package escapes card text */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {problems.length > 0 ? (
        <ul className="error small" data-testid="math-errors">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the same fragment may fail twice
            <li key={i}>{mathErrorText(p, t)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
