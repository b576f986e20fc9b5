/**
 * The fixed words extraction puts on a front ("Explain:", "Formula:", "name all 3", "steps in
 * order", "which one: …?") and the prompt of a proposed exercise, shown in the reader's language:
 * a Korean page reads "설명: 패딩", "공식: IoU", "R-CNN: 순서대로". Applied when a card is shown,
 * never stored: the card's text, id and content hash stay as imported.
 */
import type { TLang } from "../exercises/contract.ts";
import { exercisePrompt } from "./propose-exercises/proposal-language.ts";

const KOREAN: [RegExp, string][] = [
  [/^Explain: /u, "설명: "],
  [/^Formula: /u, "공식: "],
  [/: name all (\d+) kinds$/u, ": $1가지 모두"],
  [/ — name all (\d+)$/u, " — $1개 모두"],
  [/: name all (\d+)$/u, ": $1개 모두"],
  [/: steps in order$/u, ": 순서대로"],
  [/(^| — )which one: ([\s\S]*)\?$/u, "$1어느 것: $2?"],
  [/: Fix\?$/u, ": 해결책?"],
  [/: Why\?$/u, ": 이유?"],
  [/: Example\?$/u, ": 예?"],
];

/** A front with extraction's fixed words in `lang` (the author's words are left as written). */
export function localizeFront(front: string, lang: TLang): string {
  if (lang !== "ko") return front;
  let out = front;
  for (const [pattern, replacement] of KOREAN) out = out.replace(pattern, replacement);
  return out;
}

/** A proposed exercise's prompt in `lang`; a prompt the author wrote is left as written. */
export function localizePrompt(prompt: string, generator: string, lang: TLang): string {
  const other: TLang = lang === "ko" ? "en" : "ko";
  return prompt === exercisePrompt(generator, other) ? exercisePrompt(generator, lang) : prompt;
}
