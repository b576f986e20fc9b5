/**
 * Why KaTeX refuses a TeX fragment, in parts a page can say in its own language: where (the
 * character) and what (a reason and the command or token it names). KaTeX's own message is English,
 * so the renderers do not show it; a page states these instead (the card editor's preview).
 */
import katex from "katex";
import type { Nodes } from "mdast";
import { KATEX_OPTIONS } from "./check-note-content.ts";
import { parseMarkdown } from "./markdown-parser.ts";

export type TexProblemReason =
  | "undefined-command"
  | "unknown-environment"
  | "ends-early"
  | "missing-argument"
  | "not-here"
  | "double-superscript"
  | "double-subscript"
  | "other";

export interface TexProblem {
  tex: string;
  displayMode: boolean;
  /** The character (1-based) where KaTeX stopped, when it says and it is not the end. */
  position: number | null;
  /** KaTeX stopped at the end of the fragment (something is missing). */
  atEnd: boolean;
  reason: TexProblemReason;
  /** The command, environment or token the reason names (`\fraq`, `}`). */
  subject?: string;
  /** KaTeX's message, English (for logs and English-only tools). */
  message: string;
}

/** KaTeX's messages we can say in other words, most specific first. */
const REASONS: [RegExp, TexProblemReason][] = [
  [/^Undefined control sequence: (\S+)/, "undefined-command"],
  [/^No such environment: (.+)$/, "unknown-environment"],
  [/^Expected '([^']+)', got 'EOF'$/, "ends-early"],
  [/^Unexpected end of input in a macro argument, expected '([^']+)'$/, "ends-early"],
  [/^Expected group (?:after|as argument to) '([^']+)'/, "missing-argument"],
  [/^Expected 'EOF', got '([^']+)'$/, "not-here"],
  [/^Can't use function '([^']+)' in (?:math|text) mode$/, "not-here"],
  [/^Double superscript$/, "double-superscript"],
  [/^Double subscript$/, "double-subscript"],
];

interface KatexParseError {
  position?: number;
  rawMessage?: string;
  message: string;
}

/** The problem of one TeX fragment, undefined when KaTeX renders it. */
export function texProblemOf(tex: string, displayMode = false): TexProblem | undefined {
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
    return undefined;
  } catch (error) {
    const e = (error instanceof Error ? error : new Error(String(error))) as KatexParseError;
    const raw = e.rawMessage ?? e.message;
    const start = typeof e.position === "number" ? e.position : null;
    const atEnd = start !== null && start >= tex.length;
    const problem: TexProblem = {
      tex,
      displayMode,
      position: start === null || atEnd ? null : start + 1,
      atEnd,
      reason: "other",
      message: e.message,
    };
    for (const [re, reason] of REASONS) {
      const m = re.exec(raw);
      if (!m) continue;
      problem.reason = reason;
      if (m[1] !== undefined) problem.subject = m[1];
      break;
    }
    return problem;
  }
}

/** Every math fragment of card Markdown that KaTeX refuses, in order. */
export function findTexProblems(markdown: string): TexProblem[] {
  const problems: TexProblem[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "inlineMath" || node.type === "math") {
      const p = texProblemOf(node.value, node.type === "math");
      if (p) problems.push(p);
    } else if ("children" in node) {
      for (const child of node.children as Nodes[]) visit(child);
    }
  };
  visit(parseMarkdown(markdown));
  return problems;
}
