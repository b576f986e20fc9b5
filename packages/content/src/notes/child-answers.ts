/**
 * A bulleted statement whose children answer it: "학습 초기에 D가 너무 강하면 gradient vanishing이
 * 생긴다" over "→ non-saturating loss 사용" is a problem and its fix. Asked as "Explain: <the whole
 * sentence>" the learner does not know what kind of answer is wanted; asked as "…: Fix?" (shown as "…: 해결책?" on a Korean page) they do.
 * Only children whose wording says what they are (a fix, a reason, an example) are read so.
 */
import { isNameLike, leansOnContext } from "./line-shapes.ts";

const LEADING_ARROW = /^\s*(?:→|->|=>|⇒)\s*/u;

const FIX =
  /^(?:해결(?:책|법)?|대책|fix|solution|remedy)\b|^(?:use|apply|add|switch\s+to|replace|lower|raise|increase|decrease|reduce)\b|\binstead\b|(?:을|를|로|으로)?\s*(?:사용|도입|적용|해결|완화|대체)(?:한다|하면\s*된다|해야\s*한다|함)?\s*[.。]?$/iu;
const REASON = /^(?:because|since|왜냐하면|이유\s*[:：])|때문(?:이다|임)?\s*[.。]?$/iu;
const EXAMPLE =
  /^(?:e\.g\.|ex\)|예\s*[:：)]|예를\s*들어|예시\s*[:：]|for\s+example|for\s+instance)/iu;

/**
 * A statement of a problem: "…gradient vanishing이 생긴다", "training is unstable". Only under one
 * is "→ X 사용" its fix; under "BatchNorm은 학습을 안정화한다" "배치 통계를 사용" is how it works.
 */
const PROBLEM =
  /문제|생긴다|생김|발생|일어난다|불안정|느려|느리|어렵|약하|약점|못한다|실패|사라진다|소실|폭발|과적합|overfit|vanish|explod|collapse|unstable|diverge|fail|slow|problem|issue|too\s+(?:strong|weak|large|small|high|low)|너무/iu;

/** What the children answer about the statement, when every one of them says the same. */
function relation(parent: string, children: string[]): "fix" | "reason" | "example" | undefined {
  const kinds = children.map((c) => {
    const t = c.replace(LEADING_ARROW, "").trim();
    if (EXAMPLE.test(t)) return "example";
    if (REASON.test(t)) return "reason";
    if (FIX.test(t) && PROBLEM.test(parent)) return "fix";
    return undefined;
  });
  const first = kinds[0];
  return first !== undefined && kinds.every((k) => k === first) ? first : undefined;
}

/** A full statement rather than a label: a sentence, or "If …, …" / "When …, …". */
function statesSomething(text: string): boolean {
  return !isNameLike(text) || /^(?:if|when|whenever|once)\b[^,]+,\s*\S+\s+\S+/iu.test(text.trim());
}

/** Fixed words, shown in the reader's language (card-templates.ts): "해결책?", "이유?", "예?". */
const ASK = { fix: "Fix?", reason: "Why?", example: "Example?" } as const;

/** The front and back of a statement answered by its children, or undefined. */
export function answeredStatement(
  parent: string,
  children: string[],
): { front: string; back: string } | undefined {
  const sentence = parent.trim();
  if (children.length === 0 || children.length > 3 || leansOnContext(sentence)) return undefined;
  if (!statesSomething(sentence) || children.some((c) => c.includes("\n"))) return undefined;
  const kind = relation(sentence, children);
  if (kind === undefined) return undefined;
  const front = `${sentence.replace(/\s*[.。:：]$/u, "")}: ${ASK[kind]}`;
  const answers = children.map((c) => c.replace(LEADING_ARROW, "").trim());
  const back = answers.length === 1 ? (answers[0] ?? "") : answers.map((a) => `- ${a}`).join("\n");
  return { front, back };
}
