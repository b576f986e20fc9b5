/**
 * The language of proposed exercise cards and the prompt shown above the generated question.
 * Exercise cards take the note's language: Korean when at least a quarter of its prose is Korean
 * (a Korean learner's note mixes in English terms), English otherwise. The prompt is written so
 * that the card's detected language (detectLang) is that language, and the review generates the
 * question in it.
 */
import type { TLang } from "../../exercises/contract.ts";
import { getGeneratorInfo } from "../../exercises/index.ts";

const HANGUL = /[\uac00-\ud7af]/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

export function noteLanguage(texts: readonly string[]): TLang {
  let hangul = 0;
  let latin = 0;
  for (const text of texts) {
    const prose = text.replace(/\$\$[\s\S]*?\$\$/g, " ").replace(/\$[^$\n]*\$/g, " ");
    hangul += prose.match(HANGUL)?.length ?? 0;
    latin += prose.match(LATIN_WORD)?.length ?? 0;
  }
  if (hangul === 0) return "en";
  return hangul / (hangul + 2 * latin) >= 0.25 ? "ko" : "en";
}

export function exercisePrompt(generator: string, lang: TLang): string {
  const title = getGeneratorInfo(generator)?.title[lang] ?? generator;
  return lang === "ko"
    ? `노트에 나온 계산을 새 숫자로 연습합니다: ${title}`
    : `Practise the computation from your note with new numbers: ${title}`;
}
