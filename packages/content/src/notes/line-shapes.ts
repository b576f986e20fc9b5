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

/** "Q." / "Q1:" / "질문)" before a question. */
export const QUESTION_PREFIX = /^(?:\*\*)?(?:Q|질문)\s*\d*\s*[.:)：](?:\*\*)?\s*/iu;

const NOT_AN_ANSWER =
  /^\(?(?:recall|remember|see|think|consider|let'?s|let us|note|look|check|refer|try|(?:아래|다음)(?:를|을)?\s*(?:보|참고)|생각해\s*보|알아보|살펴보|참고)/iu;

/**
 * "Why 3x3? Two stacked 3x3 convs have …": a short question and its answer on one line, as if
 * written with `==>`; an arrow may stand between them ("왜 crop? → padding이 없어서"). The question must be short and the answer not another question.
 */
export function readInlineQuestion(line: LineShape): LineShape | undefined {
  if (line.codeMasked.includes("==>")) return undefined;
  // "**Why scale by $\sqrt{d_k}$?** Large dot products …": a bold question is a question too.
  const m =
    /^(\*\*|__)?([^?？]{2,80}[?？])\1(?:[ \t]*(?:→|->|=>)[ \t]*|[ \t]+)(?:(?:\*\*)?(?:A|답)\s*[.:)：](?:\*\*)?\s*)?(?=\S)/u.exec(
      line.codeMasked,
    );
  if (!m?.[2]) return undefined;
  const bold = m[1]?.length ?? 0;
  const question = m[2];
  const rest = line.codeMasked.slice(m[0].length);
  if (wordCount(question) > 12 || rest.length < 2 || /[?？]\s*$/.test(rest)) return undefined;
  // "How to reduce parameters? Recall how …": a prompt to think, not the answer.
  if (NOT_AN_ANSWER.test(rest)) return undefined;
  const q = question.replace(QUESTION_PREFIX, "");
  const from = bold + question.length - q.length;
  return {
    markdown: `${line.markdown.slice(from, bold + question.length)} ==> ${line.markdown.slice(m[0].length)}`,
    codeMasked: `${q} ==> ${rest}`,
  };
}

/** A short name on one line and only its formula (`$$…$$` or `$…$`) on the next: "출력 크기 공식". */
export function readNamedFormula(
  lines: LineShape[],
): { name: string; formula: string } | undefined {
  const head = lines[0]?.markdown.trim() ?? "";
  if (lines.length < 2 || wordCount(head) > 6 || leansOnContext(head)) return undefined;
  const math = lines
    .slice(1)
    .map((l) => l.markdown.trim())
    .join(" ");
  const formula = /^\$\$?([^$]+)\$\$?$/.exec(math)?.[1]?.trim();
  if (!formula || !isNameLike(head.replace(/[*_`]/g, ""))) return undefined;
  return { name: contextLabel(head.replace(/[:：]\s*$/u, "")), formula: `$$\n${formula}\n$$` };
}

/** `term : explanation` with a short term (a colon with space on both sides, or a full-width colon). */
export function readTermExplanation(
  written: LineShape,
): { term: string; explanation: string } | undefined {
  const line = colonOutsideBold(written);
  const match =
    boldDash(line.codeMasked) ??
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
 * "**BPTT:** …", "💡 **Formula:** $…$": the colon written inside the bold label is read as if
 * written after it ("**BPTT**: …"), so the term keeps both its markers and the explanation none.
 */
function colonOutsideBold(line: LineShape): LineShape {
  const m =
    /^((?:[\p{Extended_Pictographic}\p{So}](?:\uFE0F|\u200D)*\s*)*)(\*\*|__)([^*_:：]*?\S)\s*([:：])\2(?=\s)/u.exec(
      line.codeMasked,
    );
  if (!m) return line;
  const at = m[0].length;
  const swap = (text: string) => {
    const head = text.slice(0, at);
    const marker = m[2] ?? "**";
    const colon = m[4] ?? ":";
    const label = head.slice(0, head.length - marker.length).replace(/\s*[:：]$/u, "");
    return `${label}${marker}${colon}${text.slice(at)}`;
  };
  return { markdown: swap(line.markdown), codeMasked: swap(line.codeMasked) };
}

/** A remark's label ("**Note**: …", "참고: …", "Tip: …"): what follows is a remark, not a term's meaning. */
const REMARK_LABEL =
  /^(?:notes?|nb|n\.b\.|tips?|hint|memo|ps|p\.s\.|cf\.?|info|important|warning|caution|remember|callout|참고|메모|주의|중요|팁|힌트|기억)$/iu;

export function isRemarkLabel(term: string): boolean {
  return REMARK_LABEL.test(cleanLabel(term).replace(DECORATION, ""));
}

/** An operator that makes the right side of `name = …` a formula rather than a value or prose. */
const FORMULA_OPERATOR = /[/*×÷^·√∑]|\s[-−+]\s|\\(?:frac|cdot|times|sqrt|sum)|\uE000/u;

/**
 * `Precision = TP/(TP+FP)`, or several such, separated by commas or semicolons: formulas written
 * as text, each named by its left side. The right side must hold an operator (so `S = 7` and
 * `stride = 2로 하면 절반` are not formulas) and the name must look like one.
 */
export function readEquations(line: LineShape): { name: string; equation: string }[] | undefined {
  const masked = line.codeMasked.replace(/[.。]\s*$/u, "");
  if (masked.includes("\n") || !masked.includes("=")) return undefined;
  const parts: { from: number; to: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ";" || (ch === "," && masked[i + 1] === " "))) {
      parts.push({ from, to: i });
      from = i + 1;
    }
  }
  parts.push({ from, to: masked.length });
  const found: { name: string; equation: string }[] = [];
  for (const part of parts) {
    const text = masked.slice(part.from, part.to);
    const m = /^(\s*)([^=≈<>!:：]+?)\s*=(?!=)\s*([^=]+?)\s*$/u.exec(text);
    if (!m) return undefined;
    const name = (m[2] ?? "").trim();
    const right = (m[3] ?? "").trim();
    if (
      name.length < 2 ||
      !/\p{L}/u.test(name) ||
      /^\d/.test(name) ||
      name.includes("\uE000") ||
      wordCount(name) > 4 ||
      !isNameLike(name) ||
      right.length > 80 ||
      !FORMULA_OPERATOR.test(right) ||
      isSentence(right)
    ) {
      return undefined;
    }
    const start = part.from + (m[1] ?? "").length;
    const equation = line.markdown.slice(start, part.to).trim();
    found.push({ name: line.markdown.slice(start, start + name.length).trim(), equation });
  }
  return found.length > 0 ? found : undefined;
}

/** "**Dropout** - 설명", "**GELU** — …": a bold term, then a dash, then what it is. */
function boldDash(codeMasked: string): RegExpExecArray | null {
  const match = /^((\*\*|__)[^*_]*?\p{L}[^*_]*?\2)(?:\s+[-–—]|\s*[–—])\s+(\S.*)$/su.exec(
    codeMasked,
  );
  if (!match) return null;
  return Object.assign([match[0], match[1], match[3]], {
    index: 0,
    input: codeMasked,
  }) as unknown as RegExpExecArray;
}

/**
 * "Long-range dependencies are hard: …": a clause (a subject and a verb) before a colon is a
 * sentence explaining itself, not a term.
 */
const ENGLISH_CLAUSE =
  /\p{L}\s+(?:is|are|was|were|can(?:not)?|can't|does|doesn't|do|don't|has|have|makes?|lets?|needs?|becomes?)\s+\p{L}/iu;

/**
 * "GELU - Transformer 계열 기본": a short name (at most three words), a dash with spaces, then what
 * it is; one dash only ("conv - relu - pool" is a chain, "0.5 - 0.9" a range). The dash's index,
 * or undefined. Read as a term only in a list whose items are all terms (see
 * `readDashTerms`): alone, "learning rate - 너무 크면 발산한다" is a remark.
 */
export function nameDashAt(codeMasked: string): number | undefined {
  const match = /^([^\s\-–—][^:：\-–—]{0,40}?)\s+[-–—]\s+(\S.*)$/su.exec(codeMasked);
  const name = match?.[1] ?? "";
  const rest = match?.[2] ?? "";
  if (!match || /\s[-–—]\s/u.test(rest) || !/\p{L}/u.test(name) || wordCount(name) > 3) {
    return undefined;
  }
  if (!isNameLike(name) || name.includes(MASK)) return undefined;
  const dash = /\s+([-–—])\s/u.exec(codeMasked.slice(name.length));
  return dash ? name.length + dash.index + dash[0].indexOf(dash[1] ?? "-") : undefined;
}

/**
 * `name: fact` and `name:fact`, written without a space before the colon. The name must look like
 * one (letters, at most six words, no sentence before it, brackets only around an alias at its
 * end), so times ("3:12"), ratios ("1:2"), URLs and prose with a colon in the middle are not read
 * as terms.
 */
function tightColon(codeMasked: string): RegExpExecArray | null {
  const match = /^([^:：]{1,60}?):(?!\/\/)\s*(\S.*)$/s.exec(codeMasked);
  if (!match) return null;
  const term = match[1] ?? "";
  // "MSE (Mean Squared Error): …": a name with its spelled-out form or alias in brackets.
  const name =
    /^(?:\*\*|__)?([^()[\]]+?)\s*[(（][^()（）[\]]+[)）](?:\*\*|__)?$/u.exec(term)?.[1] ?? term;
  if (name.length > 40 || (name !== term && !/\p{L}.*\p{L}/u.test(name))) return null;
  if (!/[\p{L}]/u.test(name) || /(?:^|\s)[\d.]+$/.test(name) || /[[(]/.test(name)) return null;
  if (wordCount(term) > 6 || isSentence(term) || ENGLISH_CLAUSE.test(term)) return null;
  // Reuse the first alternative's groups: [whole, term, explanation].
  const shaped = Object.assign([match[0], term, match[2]], {
    index: 0,
    input: codeMasked,
  }) as unknown as RegExpExecArray;
  return shaped;
}

const KOREAN_PREDICATE_END = /(다|요|음|함|됨|임|시킴|있음|없음)\s*[.!]?\s*$/u;

/** An object, then a connective verb: "FC layer를 1x1 conv로 바꿔서 …", "채널을 줄이고 …". */
const KOREAN_CLAUSE = /[\p{L}\p{N})`](?:을|를)\s.*[가-힣](?:서|고|면|며|므로|니까|도록|지만)\s/u;
/** A noun used as the predicate after a particle: "… 입력이 가능", "… 연산량 감소로 속도 향상". */
const KOREAN_NOUN_PREDICATE =
  /[\p{L}\p{N})`](?:을|를|로|으로|이|가|에서)\s.*(?:가능|불가능|필요|향상|감소|증가|해결|제거|적용|개선|사용|이용|활용|방지|완화|억제)\s*[.!]?$/u;

/** An object particle: "입력을 … 정규화" reads as a clause ("파라미터를 줄이는 방법" is still a label). */
const KOREAN_OBJECT = /[\p{L}\p{N})`](?:을|를)\s/u;
const KOREAN_LABEL_NOUN_END =
  /(?:방법|이유|과정|효과|원리|장점|단점|차이|종류|특징|예시|목적|문제|방식|역할|조건|경우|구조|개념|의미|정의|기법|공식|순서)\s*[?？:：]?$/u;

/** A statement (sentence) rather than a name or label. */
export function isSentence(text: string): boolean {
  const t = text
    .trim()
    .replace(/\s*[(（][^()（）]*[)）]$/u, "")
    .trim();
  if (KOREAN_PREDICATE_END.test(t)) return true;
  // Clause shapes only matter for label-length text (and keep the backtracking regexes linear).
  if (t.length <= 200) {
    if (KOREAN_CLAUSE.test(t) || (wordCount(t) >= 3 && KOREAN_NOUN_PREDICATE.test(t))) return true;
    if (wordCount(t) >= 4 && KOREAN_OBJECT.test(t) && !KOREAN_LABEL_NOUN_END.test(t)) return true;
  }
  return /[.!。]$/.test(t) && wordCount(t) >= 4;
}

/** Short enough and shaped like a name or label: "AlexNet", "Key ideas", "Dropout (p=0.5)". */
export function isNameLike(text: string): boolean {
  const t = text.trim();
  if (t === "" || t.includes("==>")) return false;
  if (isSentence(t)) return false;
  return t.length <= 70 && wordCount(t) <= 10;
}

/**
 * A line that only gives a parameter's usual value: "β는 보통 0.9", "lr = 1e-3 (default)",
 * "momentum: 0.9 정도". Alone under a label it answers no "Explain"; it belongs with the formula
 * that holds the parameter.
 */
const PARAMETER_VALUE =
  /^[-*+]?\s*(?:기본값\s*[:：]?\s*)?(?:\$[^$]{1,20}\$|[\p{L}_][\p{L}\p{N}_]{0,11})\s*(?:은|는|의\s*기본값은|[=:：]|is|defaults?\s+to)?\s*(?:보통|주로|대개|흔히|일반적으로|typically|usually|often|by\s+default)?\s*(?:[=:：]\s*)?[~≈약]?\s*\$?\s*[\d.]+(?:e-?\d+)?\s*\$?\s*(?:정도|쯤|을\s*쓴다|를\s*쓴다|사용|이다|로\s*둔다|\(default\)|\(기본값\))?\s*[.]?$/iu;

export function statesParameterValue(line: string): boolean {
  return PARAMETER_VALUE.test(line.trim());
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

const COMPARISON = /\S\s+(?:vs\.?|versus|대)\s+\S|비교|차이점?|comparison|compared/iu;

/** A label comparing things ("SGD vs Momentum vs Adam", "Optimizer 비교"): its items are not steps. */
export function namesComparison(label: string): boolean {
  return COMPARISON.test(label);
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
/** A section number before a heading's words: "1)", "2.1", "(3)", "Ⅱ.", "제3장" (not "1x1 …"). */
const SECTION_NUMBER =
  /^(?:\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|\(\d{1,3}\)|[IVX]{1,4}\.|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ][.)]?|[①-⑳]|제\s*\d{1,3}\s*[장절강]\.?)\s+(?=\S)/iu;

/** Decoration before a heading's words: "🔹 ", "📌", "✅ ", "■ ", "▶ " (symbols, not letters). */
const DECORATION = /^(?:[\p{Extended_Pictographic}\p{So}](?:\uFE0F|\u200D)*\s*)+/u;

export function contextLabel(label: string): string {
  const plain = cleanLabel(label).replace(DECORATION, "").replace(SECTION_NUMBER, "");
  const stripped = plain.replace(/\s*[(（][^()（）]*[)）]\s*$/u, "").trim();
  return stripped.length >= 2 ? stripped : plain;
}

/**
 * Fronts that lean on the surrounding note ("It …", "This …", "이것은 …", "이 노트는 …", "해당
 * 모델은 …", "첫 번째 항", "the second term") are not self-contained.
 */
export function leansOnContext(front: string): boolean {
  return (
    /^(it|this|that|these|those|they|he|she|but|and|also|so|then)\b/i.test(front.trim()) ||
    /^(이것|그것|저것|이는|그래서|그리고|또한|하지만|따라서|(?:이|그|저|해당)\s)/u.test(
      front.trim(),
    ) ||
    // "첫 번째 항", "the second term": a part of a formula or list the front does not show.
    /^(?:(?:첫|두|세|네|다섯|마지막)\s*(?:번)?\s*째|앞|뒤|앞의|뒤의)\s*(?:항|식|수식|줄|부분|term)(?![\p{L}])|^(?:the\s+)?(?:first|second|third|last|former|latter)\s+(?:term|part|equation|one)\b/iu.test(
      front.trim(),
    )
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
