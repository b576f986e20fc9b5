/**
 * Recognisers for the shapes of plain note lines that extraction turns into cards. They work on a
 * line's Markdown and its `codeMasked` twin (inline code and math masked), so a `:` or `==>`
 * inside math never counts.
 */
import { MASK } from "./markdown-source.ts";

export interface LineShape {
  markdown: string;
  /** The same text with every visible character of inline code and math replaced by `MASK`. */
  codeMasked: string;
}

/** `question ==> answer` */
export function readQuestionArrow(line: LineShape): { front: string; back: string } | undefined {
  const at = line.codeMasked.indexOf("==>");
  if (at === -1) return undefined;
  const front = line.markdown
    .slice(0, at)
    .trim()
    .replace(/\s+\?$/, "?");
  const back = line.markdown.slice(at + 3).trim();
  return { front, back };
}

/** `term : explanation` with a short term (a colon with space on both sides, or a full-width colon). */
export function readTermExplanation(
  line: LineShape,
): { term: string; explanation: string } | undefined {
  const match =
    /^(.+?)\s+[:：]\s+(\S.*)$|^(.+?)：\s*(\S.*)$/s.exec(line.codeMasked) ??
    tightColon(line.codeMasked);
  if (!match) return undefined;
  const termLength = (match[1] ?? match[3] ?? "").length;
  const term = line.markdown.slice(0, termLength).trim();
  const explanationStart = line.codeMasked.length - (match[2] ?? match[4] ?? "").length;
  const explanation = line.markdown.slice(explanationStart).trim();
  if (term === "" || explanation === "" || term.includes("::")) return undefined;
  if (wordCount(term) > 8 || term.length > 60) return undefined;
  return { term, explanation };
}

/**
 * `name: fact` and `name:fact`, written without a space before the colon. The name must look like
 * one (letters, at most six words, no sentence before it), so times ("3:12"), ratios ("1:2"),
 * URLs and prose with a colon in the middle are not read as terms.
 */
function tightColon(codeMasked: string): RegExpExecArray | null {
  const match = /^([^:：]{1,40}?):(?!\/\/)\s*(\S.*)$/s.exec(codeMasked);
  if (!match) return null;
  const term = match[1] ?? "";
  if (!/[\p{L}]/u.test(term) || /(?:^|\s)[\d.]+$/.test(term) || /[[(]/.test(term)) return null;
  if (wordCount(term) > 6 || isSentence(term)) return null;
  // Reuse the first alternative's groups: [whole, term, explanation].
  const shaped = Object.assign([match[0], term, match[2]], {
    index: 0,
    input: codeMasked,
  }) as unknown as RegExpExecArray;
  return shaped;
}

const KOREAN_PREDICATE_END = /(다|요|음|함|됨|임|시킴|있음|없음)\s*[.!]?\s*$/u;

/** A statement (sentence) rather than a name or label. */
export function isSentence(text: string): boolean {
  const t = text
    .trim()
    .replace(/\s*[(（][^()（）]*[)）]$/u, "")
    .trim();
  if (KOREAN_PREDICATE_END.test(t)) return true;
  return /[.!。]$/.test(t) && wordCount(t) >= 4;
}

/** Short enough and shaped like a name or label: "AlexNet", "Key ideas", "Dropout (p=0.5)". */
export function isNameLike(text: string): boolean {
  const t = text.trim();
  if (t === "" || t.includes("==>")) return false;
  if (isSentence(t)) return false;
  return t.length <= 70 && wordCount(t) <= 10;
}

/** Splits an item into its first sentence and the rest: "X의 사용. 왜냐하면 …" → ["X의 사용", "왜냐하면 …"]. */
export function splitFirstSentence(line: LineShape): { head: string; rest?: string } {
  const re = /[.!?](?=\s+\S)/g;
  for (const m of line.codeMasked.matchAll(re)) {
    const before = line.codeMasked.slice(0, m.index + 1);
    if (/\b(?:e\.g|i\.e|etc|vs|cf|approx)\.$/i.test(before)) continue;
    if (/\d\.$/.test(before) && /^\d/.test(line.codeMasked.slice(m.index + 1))) continue;
    const head = line.markdown.slice(0, m.index).trim();
    const rest = line.markdown.slice(m.index + 1).trim();
    if (head === "") break;
    return { head, rest };
  }
  return { head: line.markdown.trim().replace(/[.。]$/, "") };
}

/** Labels that announce a collection: "Key ideas", "종류", "Transition steps". */
const COLLECTION_WORDS =
  /\b(ideas|types|kinds|steps|stages|properties|features|components|parts|advantages|disadvantages|benefits|drawbacks|takeaways|models|methods|architectures|variants|layers|principles)\b|종류|과정|단계|특징|구성|장점|단점|방법|요소|아이디어/iu;

export function namesCollection(label: string): boolean {
  return COLLECTION_WORDS.test(label);
}

const TAKEAWAY_WORDS = /\b(takeaways?|summary|recap|cheat ?sheet)\b|요약|핵심|정리/iu;

export function namesSummary(label: string): boolean {
  return TAKEAWAY_WORDS.test(label);
}

const KOREAN_COUNTS: Record<string, number> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};
const ENGLISH_COUNTS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/**
 * Whether a line introduces a list of `count` items: it ends with a colon, or it says how many
 * ("세가지 과정", "three steps", "4 kinds") and the number matches.
 */
export function introducesList(line: string, count: number): boolean {
  const t = line.trim();
  if (/[:：]$/.test(t)) return true;
  const korean = /(\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(가지|개|단계)/u.exec(t);
  if (korean?.[1] !== undefined) {
    const n = KOREAN_COUNTS[korean[1]] ?? Number(korean[1]);
    if (n === count) return true;
  }
  const english =
    /\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:main\s+|key\s+|major\s+)?(steps|stages|kinds|types|parts|ways|things|components|ideas|phases|parts)\b/i.exec(
      t,
    );
  if (english?.[1] !== undefined) {
    const n = ENGLISH_COUNTS[english[1].toLowerCase()] ?? Number(english[1]);
    if (n === count) return true;
  }
  return false;
}

/** Words of a text, ignoring masked math and lone symbols. */
export function wordCount(text: string): number {
  return text
    .replaceAll(MASK, "x")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The last word of a label, lower-cased: "2D image convolution" → "convolution". */
export function headWord(label: string): string {
  const words = label
    .toLowerCase()
    .replace(/\(.*?\)/g, " ")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w !== "");
  return words[words.length - 1] ?? "";
}

/** A label for the context path: emphasis and a trailing "(…)" dropped. "Key ideas(왜?)" → "Key ideas". */
export function contextLabel(label: string): string {
  const plain = cleanLabel(label);
  const stripped = plain.replace(/\s*[(（][^()（）]*[)）]\s*$/u, "").trim();
  return stripped.length >= 2 ? stripped : plain;
}

/** Fronts that lean on the surrounding note ("It …", "This …", "이것은 …") are not self-contained. */
export function leansOnContext(front: string): boolean {
  return (
    /^(it|this|that|these|those|they|he|she|but|and|also|so|then)\b/i.test(front.trim()) ||
    /^(이것|그것|저것|이는|그래서|그리고|또한|하지만|따라서)/u.test(front.trim())
  );
}

/**
 * A heading or label as text: emphasis markers, backslash escapes (`\#` → `#`) and a trailing hard
 * break `\` dropped, while a literal `*` between words ("1 * 1 Convolution") and math stay.
 */
export function cleanLabel(label: string): string {
  return unescapeMarkdown(
    label
      .replace(/\*\*|__|`/g, "")
      .replace(/(^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$)/g, "$1")
      .replace(/\s*\\\s*$/u, "")
      .replace(/\s*[:：]\s*$/u, ""),
  ).trim();
}

/** Markdown backslash escapes (`\#`, `\*`, `\_`) as their characters, outside `$…$` math. */
export function unescapeMarkdown(markdown: string): string {
  return markdown
    .split(/(\$[^$]*\$)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\\([!-/:-@[-`{-~])/g, "$1")))
    .join("");
}
