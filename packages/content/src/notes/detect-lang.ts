import type { TCardLang } from "./schema.ts";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * Language of card text: "ko" when it is Korean with at most a stray Latin term, "en" when it holds
 * no Hangul, "mixed" otherwise. Math (`$…$`) and code are ignored.
 */
export function detectLang(text: string): TCardLang {
  const prose = text
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]*\$/g, " ")
    .replace(/`[^`\n]*`/g, " ");
  const hangul = prose.match(HANGUL)?.length ?? 0;
  if (hangul === 0) return "en";
  const latinWords = prose.match(LATIN_WORD)?.length ?? 0;
  if (latinWords === 0) return "ko";
  // A syllable is a full Korean character; a Latin word is about as much meaning as two syllables.
  const koreanShare = hangul / (hangul + 2 * latinWords);
  return koreanShare >= 0.9 ? "ko" : "mixed";
}
