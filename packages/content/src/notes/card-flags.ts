/**
 * Quality flags for extracted cards: reasons a card may be weak, for an instructor to review
 * before publishing (see ../shared/CARD-QUALITY.md for the yardstick). Pure text checks on the
 * card's sides, added to what the walk itself saw (a non-study section, a fragment). Flags never
 * enter a card's id or content hash.
 */
import type { CardDraft } from "./card-draft.ts";
import { leansOnContext } from "./line-shapes.ts";
import { CARD_FLAGS, type TCardFlag } from "./schema.ts";

/** Backs longer than this are flagged: a card whose answer is a whole section. */
export const LONG_BACK_CHARS = 600;

/** Labels that ask nothing on their own: "How?", "과정", "왜 이러냐면?", "예시", "단점", "수식". */
const GENERIC_LABEL =
  /^(?:how|why|what|when|where|which|how so|why so|how it works|example|examples|e\.g|details?|notes?|memo|overview|summary|explanation|process|method|reason|idea|key idea|main idea|core idea|motivation|pros|cons|advantages?|disadvantages?|limitations?|problems?|drawbacks?|inputs?|outputs?|formulas?|equations?|solutions?|fix|pipeline|procedure|steps|order|definition|warning|caution|danger|important|defaults?|default values?|parameters?|hyper-?parameters?|caveats?|features?|characteristics?|structure|architecture|use cases?|applications?|types?|kinds?|기본값|기본\s*설정|종류|유형|파라미터|하이퍼\s*파라미터|주의할\s*점|주의\s*사항|주의점|구조|적용|사용처|주의|경고|정의|뜻|수식|공식|식|해결|해결책|해결\s*방법|순서|절차|파이프라인|입력|출력|과정|효과|역할|용도|한계|특성|비교|차이|차이점|핵심|핵심\s*아이디어|아이디어|장점|단점|장단점|한계|한계점|문제점|문제|의의|목적|동기|방법|이유|예시|예제|설명|정리|개요|요약|참고|메모|내용|원리|특징|결론|결과|왜|어떻게|뭘까|무엇|왜\s*(?:그럴까|그런가|할까|하냐면|이러냐면|냐면|일까|필요할까|쓸까|사용할까)|어떻게\s*(?:할까|하냐면|될까))\s*[?？!.]*$/iu;

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABEL.test(label.replace(/[*_`]/g, "").trim());
}

/** Parts of a note that are not study material but may still hold a card worth a second look. */
const WEAK_NON_STUDY =
  /피어\s*세션|peer\s*session|멘토링|mentoring|오피스\s*아워|office\s*hours?|공지|announcement|과제\s*(?:진행|현황)|학습\s*(?:계획|일정|회고)|질문\s*거리/iu;

export function isWeakNonStudy(label: string): boolean {
  return WEAK_NON_STUDY.test(label);
}

const IMAGE_OR_LINK =
  /!\[[^\]]*\]\([^)]*\)|_\(image: [^)]*\)_|\[[^\]]*\]\([^)]*\)|<?https?:\/\/\S+>?|\[\[[^\]]*\]\]/g;

/** A value from an example: a number or a size like `5x5`, `$3 \times 3$`, `0.5`. */
const EXAMPLE_VALUE =
  /^\$?\s*\d+(?:\.\d+)?(?:\s*(?:x|×|\*|\\times)\s*\d+(?:\.\d+)?)*\s*\$?\s*(?:개|px|%|channels?|채널)?\.?$/iu;
const ASKS_FOR_A_NUMBER =
  /how many|number of|count|몇|개수|\b수\b|수는|수$|output size|출력 크기|size of .* (?:after|with|on)|formula/iu;

export function textFlags(draft: CardDraft): TCardFlag[] {
  const flags = new Set<TCardFlag>(draft.flags ?? []);
  if (draft.origin !== "extracted" || draft.kind === "exercise") return [];
  const front = draft.front;
  const backs =
    draft.kind === "listRecall"
      ? draft.items.map((i) => [i.text, i.detail ?? ""].join(" "))
      : [draft.back];
  const back = backs.join("\n");
  const subject = front
    .replace(/^Explain:\s*/u, "")
    .replace(/:\s*(?:name all \d+(?: kinds)?|steps in order)$/u, "")
    .trim();
  if (isGenericLabel(subject)) flags.add("generic-front");
  if (draft.kind === "basic" && back.replace(IMAGE_OR_LINK, "").replace(/[\s\-*>|·,.]/g, "") === "")
    flags.add("media-only-back");
  if (
    draft.kind === "basic" &&
    (EXAMPLE_VALUE.test(back.trim()) || /예시|예제|\bexample\b/iu.test(draft.context.join(" "))) &&
    !ASKS_FOR_A_NUMBER.test(front) &&
    // "VGG — Depth?": a named property of a named thing (a table's cell) has one answer.
    !/\S\s—\s[^—]+[?？]$/u.test(front)
  ) {
    flags.add("example-specific");
  }
  if (draft.context.some(isWeakNonStudy)) flags.add("non-study-section");
  if (backs.some((b) => leansOnContext(b) || /^(?:[,;:)\]]|and |or |그리고|또는)/iu.test(b.trim())))
    flags.add("fragment");
  if (back.length > LONG_BACK_CHARS) flags.add("long-back");
  if (answerInFront(draft)) flags.add("answer-in-front");
  return CARD_FLAGS.filter((f) => flags.has(f));
}

function answerInFront(draft: CardDraft): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[*_`$\\{}]/g, "")
      .replace(/[\s.?!:;,。]+/gu, " ")
      .trim();
  switch (draft.kind) {
    case "basic": {
      const back = norm(draft.back);
      return back.length >= 3 && norm(draft.front).includes(back);
    }
    case "cloze":
      return draft.answers.some((a) => {
        const answer = norm(a);
        return answer.length >= 2 && norm(draft.front).includes(answer);
      });
    case "listRecall": {
      const front = norm(draft.front);
      const shown = draft.items.filter(
        (i) => norm(i.text).length >= 3 && front.includes(norm(i.text)),
      );
      return shown.length * 2 > draft.items.length;
    }
    default:
      return false;
  }
}
