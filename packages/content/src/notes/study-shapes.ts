/**
 * Recognisers for what is and is not study material in a real note, and for the shapes that make
 * atomic cards: non-study sections (diary, to-do, references, navigation, footers), definition
 * sentences ("X is Y", "X는 Y이다") and quiz answers ("The answer is X").
 */
import type { Paragraph, PhrasingContent } from "mdast";
import { isGenericLabel } from "./card-flags.ts";
import {
  cleanLabel,
  contextLabel,
  type LineShape,
  leansOnContext,
  wordCount,
} from "./line-shapes.ts";
import type { TSkippedItem } from "./schema.ts";

type SkipReason = TSkippedItem["reason"];

/** Headings of sections that are not study material: what is under them makes no card. */
const NON_STUDY_HEADINGS: { pattern: RegExp; reason: SkipReason; message: string }[] = [
  {
    pattern:
      /^(?:today\s+i\s+(?:felt|learned\s+feelings?)|til\s*소감|회고|오늘의?\s*회고|느낀\s*점|소감|일기|diary|journal|retrospective|reflections?|feelings?|후기|잡담|daily\s+log)(?![\p{L}\p{N}])/iu,
    reason: "non-study-section",
    message: "a diary or reflection section, not study material",
  },
  {
    pattern:
      /^(?:실험\s*(?:메모|로그|일지|기록|노트|결과\s*메모)|(?:lab|experiment|training|run)\s*(?:logs?|notes?|journal|diary)|학습\s*로그)(?![\p{L}\p{N}])/iu,
    reason: "non-study-section",
    message: "a lab log (runs, settings, results of one's own experiments), not study material",
  },
  {
    pattern:
      /^(?:to\s*-?\s*dos?|할\s*일|내일\s*할\s*일|todo\s*list|next\s+steps?|계획|plans?(?:\s+for\s+tomorrow)?|아직\s*(?:잘\s*)?모르는\s*(?:것|거|점|부분)들?|(?:더|추가로|나중에)\s*(?:공부|정리|찾아\s*볼|알아\s*볼)할?\s*(?:것|거|점|부분)들?|still\s+unclear|to\s+(?:study|look\s+up|read)\s+later)\s*[:：]?$/iu,
    reason: "todo",
    message: "a to-do section, not study material",
  },
  {
    pattern:
      /^(?:references?|참고\s*(?:자료|문헌|링크|사이트)?|출처|links?|resources|further\s+reading|reading\s+list|읽을\s*거리|bibliography|sources?|관련\s*(?:글|링크))\s*[:：]?$/iu,
    reason: "link-list",
    message: "a references or links section, not study material",
  },
  {
    pattern:
      /^(?:목차|table\s+of\s+contents|contents|toc|navigation|comments?|댓글|share|공유)\s*[:：]?$/iu,
    reason: "navigation",
    message: "navigation or page furniture, not study material",
  },
];

export function nonStudyHeading(
  label: string,
): { reason: SkipReason; message: string } | undefined {
  const text = label.replace(/^[^\p{L}\p{N}]+/u, "").trim();
  for (const h of NON_STUDY_HEADINGS) {
    if (h.pattern.test(text)) return { reason: h.reason, message: h.message };
  }
  return undefined;
}

/**
 * Headings that name the writer's mood or the day's harvest, not a topic: "헷갈렸던 거 ❌", "오늘의
 * TIL", "배운 점", "Gotchas". What is under them is study material, but asked "Explain: 헷갈렸던
 * 거" it has no topic: such a heading is left out of the heading path.
 */
const MOOD_HEADING =
  /^(?:(?:내가|제가|나는|난)\s*)?(?:(?:오늘의?\s*)?TIL|today\s+i\s+learned|(?:오늘\s*)?(?:새로\s*)?(?:배운|알게\s*된)\s*(?:것|거|점|내용)들?|헷갈(?:렸던|리는|린|렸던\s*것)\s*(?:것|거|점|부분|개념)?들?|몰랐던\s*(?:것|거|점)들?|(?:내가\s*)?(?:실수|착각)(?:한|했던)?\s*(?:것|거|점)?들?|틀렸던\s*(?:것|거|점|문제)?들?|기억할\s*(?:것|거|점)들?|confus(?:ing|ed|ions?)(?:\s+(?:parts?|points?|things?|bits?))?|gotchas?|things\s+i\s+(?:learned|got\s+wrong|mixed\s+up)|mistakes?(?:\s+i\s+made)?|aha(?:\s+moments?)?|(?:my|open)\s+questions|q\s*&\s*a|qna|질의\s*응답|궁금한\s*(?:것|거|점)들?)$/iu;

export function isMoodHeading(label: string): boolean {
  const text = contextLabel(label)
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return MOOD_HEADING.test(text);
}

/** Markdown that is only links (`[text](url)`, `<url>`, bare URLs) and separators, with one at least. */
function linksOnlyMarkdown(markdown: string, images = true): boolean {
  let links = 0;
  const link = images
    ? /!?\[[^\]]*\]\([^)]*\)|<https?:[^>]+>|https?:\/\/\S+/g
    : /(?<!!)\[[^\]]*\]\([^)]*\)|<https?:[^>]+>|https?:\/\/\S+/g;
  const rest = markdown.replace(link, () => {
    links++;
    return "";
  });
  return links > 0 && /^[\s|·•/,;:\-–—]*$/u.test(rest);
}

const LINK_ANSWER = {
  reason: "link-list",
  message:
    "a link with a label, not study material: its answer says where to read, not what to know",
} as const;

/**
 * A `label: text` line that is not study material: a reflection or to-do by its label ("느낀점:
 * …", "TODO: …"), or a references label over links only ("참고: [CS231n](…)"; "참고: ReLU는 …"
 * is a remark of its section).
 */
export function nonStudyLine(line: {
  term: string;
  explanation: string;
}): { reason: SkipReason; message: string } | undefined {
  const found = nonStudyHeading(cleanLabel(line.term));
  // "Original paper: [arXiv 1706.03762](…)": whatever the label, an answer that is only a link
  // says where to read, not what to know.
  if (!found && linksOnlyMarkdown(line.explanation, false)) return LINK_ANSWER;
  if (!found || found.reason === "navigation") return undefined;
  if (found.reason === "link-list" && !linksOnlyMarkdown(line.explanation)) return undefined;
  return found;
}

/** English in the first person singular: "So I finally sat down …", "These are my notes …". */
const FIRST_PERSON_EN = /(?:^|[^\p{L}'])(?:I|I'm|I've|I'll|I'd|my|me|myself)(?![\p{L}'])/u;
/** Korean words that place a line in the writer's day: "오늘은 …", "솔직히 …", "내가 …". */
const DIARY_KO =
  /(?:^|\s)(?:오늘(?!날)|어제|내일|요즘|아침|저녁|이번\s*주|지난\s*주|솔직히|드디어|나는|내가|난|저는|제가)(?:은|는|도|부터|에|이)?(?=\s|$)|[ㅋㅎㅠㅜ]{2,}|[\u{1F600}-\u{1F64F}]/u;

/**
 * A line about the note itself, not its subject: "이 노트북에서는 … 작성해 본다", "In this notebook we
 * …", "스터디에서 나온 질문들을 Q/A 형식으로 정리함".
 */
const ABOUT_THE_NOTE =
  /^(?:이|본|이번)\s*(?:노트북|노트|글|포스트|포스팅|문서|페이지|정리\s*글)(?:에서는?|은|는)\s|^(?:in\s+)?this\s+(?:notebook|note|post|page|article|tutorial|write-?up)\b|(?:정리|요약|작성|실습)(?:함|했음|해\s*봄|해\s*둠|해\s*본다|해\s*보자|해\s*봤다)\s*[.!]?\s*(?:[(（][^()（）]*[)）])?$/iu;

export const NOTE_ABOUT_ITSELF = {
  reason: "non-study-section",
  message: "a line about the note itself (what it covers or how it is written), not study material",
} as const;

export function isAboutTheNote(markdown: string): boolean {
  return ABOUT_THE_NOTE.test(markdown.trim());
}

export const DIARY_LINE = {
  reason: "non-study-section",
  message: "a diary line (the writer's day, in the first person), not study material",
} as const;

/**
 * A line of diary: the writer's day or state of mind in the first person ("오늘은 집중이 잘 안
 * 됐다 😅", "So I finally sat down and …"). A fact about the subject names no day and no "I".
 */
export function isDiaryLine(markdown: string): boolean {
  const text = markdown.replace(/\$[^$]*\$|`[^`]*`/g, " ").trim();
  if (text === "" || /[?？]\s*$/.test(text)) return false;
  return FIRST_PERSON_EN.test(text) || DIARY_KO.test(text);
}

/** Link text, URLs and separators only, with at least `min` links: a link list or navigation bar. */
export function linksOnly(node: Paragraph, min = 1): boolean {
  let links = 0;
  const visit = (children: PhrasingContent[]): boolean =>
    children.every((c) => {
      if (c.type === "link" || c.type === "linkReference") {
        links++;
        return true;
      }
      if (c.type === "text") {
        const rest = c.value.replace(/https?:\/\/\S+/g, () => {
          links++;
          return "";
        });
        return /^[\s|·•/,;:\-–—←→<>«»()[\]]*$/u.test(rest) || /^\[\[[^\]]+\]\]\s*$/.test(rest);
      }
      if (c.type === "break" || c.type === "html") return true;
      if (c.type === "emphasis" || c.type === "strong") return visit(c.children);
      return false;
    });
  return visit(node.children) && links >= min;
}

const METADATA_KEYS =
  /^(?:title|date|tags?|categories|category|author|authors|created(?:\s+(?:at|time|by))?|updated|last[\s_-]?(?:modified|updated|edited)(?:[\s_-]at)?|layout|permalink|excerpt|status|type|aliases|published|draft|toc|toc_sticky|use_math|comments|slug|description|url|property|속성|작성일|수정일|태그|작성자|날짜)\s*[:：]/iu;
const FOOTER_LINE =
  /^(?:written|posted|published|last\s+(?:updated|edited|modified)|copyright|©|all rights reserved|powered by|작성(?:자|일)|게시)\b/iu;

/** Lines of page metadata (`date: …`, `Tags: …`) or a footer ("Posted by …", "Last updated …"). */
export function isMetadata(lines: string[]): boolean {
  const real = lines.map((l) => l.trim()).filter((l) => l !== "");
  return (
    real.length > 0 &&
    real.every((l) => METADATA_KEYS.test(l) || FOOTER_LINE.test(l) || /^-{3,}$/.test(l))
  );
}

/** "The answer is B.", "Answer: B", "정답: B", "정답은 B" → what follows the cue. */
export function quizAnswer(line: string): string | undefined {
  const m =
    /^(?:\*\*)?(?:the\s+(?:correct\s+)?answer\s+is|answer\s*[:：]|정답\s*(?:은|는|[:：])|답\s*(?:은|[:：]))(?:\*\*)?\s*(\S.*)$/iu.exec(
      line.trim(),
    );
  return m?.[1]?.trim();
}

/** A definition sentence: the term it defines and where the term ends in the text. */
export interface Definition {
  term: string;
  /** Offsets of the term in the line's Markdown. */
  from: number;
  to: number;
}

const EN_DEFINITION =
  /^(?:(?:the|a|an)\s+)?(.+?)\s+(?:is|are|refers\s+to|means|is\s+called)\s+(?:a|an|the|one|how|what|when|where|any)\s+\S/iu;
const KO_DEFINITION = /^(.+?)(?:은|는|이란|란)\s+(\S.*)$/su;
const KO_DEFINITION_END =
  /(?:이다|입니다|을\s*말한다|를\s*말한다|을\s*뜻한다|를\s*뜻한다|을\s*의미한다|를\s*의미한다|라고\s*한다)\s*[.。]?$/u;

/**
 * "…시작되었다는 것을 의미한다", "…못한다는 뜻이다": "means that …", what the subject implies, not
 * what it is (as "X means that …" is no English definition).
 */
const KO_MEANS_THAT =
  /[다라]는\s*(?:것|점|뜻|의미)(?:을|를)?\s*(?:뜻한다|의미한다|뜻합니다|의미합니다|이다|입니다)\s*[.。]?$/u;
/** A subject cut at an adnominal ending, not a topic particle: "높은 X는" → "높", "학습하는 X는" → "학습하". */
const ADNOMINAL_STEM = /^(?:높|낮|작|많|적|좋|넓|깊|짧|얕|옳|밝|굵|얇)$|(?:하|되|있|없|같|않)$/u;

const NUMBER_PREDICATE =
  /^\s*(?:은|는|이란|란)?\s*(?:총|약|대략|about|around|roughly)?[^\p{L}]*?\d[\d,.]*\s*(?:개|번|배|회|층|장|차원|%|percent|million|billion|[kmb])?\s*(?:이다|입니다|\.)?\s*[.。]?$|[=≈]\s*[\d,.]+\s*(?:이다|입니다)?\s*[.。]?$/iu;

/**
 * "X is a/the …" or "X는 …이다": a sentence that defines X, where X is short (at most five
 * words) and the rest does not repeat it (the cloze would show its own answer).
 */
export function readDefinition(line: LineShape): Definition | undefined {
  const codeMasked = line.codeMasked.trim();
  if (!/[.。]$/.test(codeMasked) && !KO_DEFINITION_END.test(codeMasked)) return undefined;
  const lead = line.markdown.length - line.markdown.trimStart().length;
  let termMasked: string | undefined;
  const en = EN_DEFINITION.exec(codeMasked);
  if (en?.[1] !== undefined) termMasked = en[1];
  else if (KO_DEFINITION_END.test(codeMasked) && !KO_MEANS_THAT.test(codeMasked)) {
    termMasked = KO_DEFINITION.exec(codeMasked)?.[1];
    if (termMasked !== undefined && ADNOMINAL_STEM.test(termMasked.trim())) return undefined;
  }
  if (termMasked === undefined) return undefined;
  const from = lead + codeMasked.indexOf(termMasked);
  const to = from + termMasked.length;
  const term = line.markdown.slice(from, to).trim();
  if (term === "" || wordCount(term) > 5 || leansOnContext(term) || isGenericLabel(term)) {
    return undefined;
  }
  if (/[,;:!?]|==|\[|\(\s*$/.test(termMasked) || !/\p{L}/u.test(term)) return undefined;
  const rest = `${line.markdown.slice(0, from)} ${line.markdown.slice(to)}`.toLowerCase();
  if (rest.includes(term.toLowerCase())) return undefined;
  // "SSD300의 default box는 총 8732개이다", "iteration 수는 ceil(1000/32) = 32 이다": a count or a
  // result, not what the subject is; a cloze on the subject would ask "[…]는 총 8732개이다".
  if (NUMBER_PREDICATE.test(codeMasked.slice(to - lead))) return undefined;
  return { term, from, to };
}
