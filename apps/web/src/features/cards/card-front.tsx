// A card's rendered front inside a list (server component): same HTML as the review screen.
import "server-only";
import { renderCardFrontHtml } from "@/features/review/render-card-view";

export function CardFront({
  content,
  lang,
  fallback,
}: {
  content: unknown;
  lang: "en" | "ko";
  /** Shown when the content cannot be rendered (a card stored by an older version). */
  fallback: string;
}) {
  const html = renderCardFrontHtml(content, lang);
  if (!html) return <>{fallback}</>;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML rendered on the server from card Markdown (escaped)
  return <span className="card-front-inline" dangerouslySetInnerHTML={{ __html: html }} />;
}
