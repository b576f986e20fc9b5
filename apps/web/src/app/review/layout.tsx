// KaTeX's stylesheet (and its fonts) come from npm and are bundled into .next/static: math is
// rendered to HTML on the server, so the review page loads no KaTeX JavaScript.
import "katex/dist/katex.min.css";
import type { ReactNode } from "react";

export default function ReviewLayout({ children }: { children: ReactNode }) {
  return children;
}
