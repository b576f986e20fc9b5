// Advantages and disadvantages on one line ("장점: 빠름 단점: 느림", "Pros: … Cons: …"): two facts.
import { cleanLabel, type LineShape } from "./line-shapes.ts";

const PRO_WORD = `장점|pros|advantages?|strengths?|merits?`;
const CON_WORD = `단점|cons|disadvantages?|drawbacks?|weaknesses?`;
/** A term that names one side of a judgement: "장점", "**Pros**", "Self-attention 장점". */
const SIDE_TERM = new RegExp(`^(.*?)(${PRO_WORD}|${CON_WORD})$`, "iu");

/**
 * "장점: 빠름 단점: 느림", "**Pros**: … **Cons**: …", "장점 : … / 단점 : …": advantages and
 * disadvantages on one line are two facts, each asked on its own. Given the line's term and its
 * explanation (as read by `readTermExplanation`), returns the two sides, the second term named
 * like the first ("Self-attention 장점" → "Self-attention 단점"); undefined unless the explanation
 * holds the other side's label followed by a colon (outside math and code).
 */
export function splitProsCons(
  term: { term: string; explanation: string },
  line: LineShape,
): { term: string; explanation: string }[] | undefined {
  const side = SIDE_TERM.exec(cleanLabel(term.term));
  if (!side?.[2]) return undefined;
  const subject = side[1] ?? "";
  if (subject !== "" && !/\s$/u.test(subject) && !/[가-힣]$/u.test(subject)) return undefined;
  const other = new RegExp(`^${PRO_WORD}$`, "iu").test(side[2]) ? CON_WORD : PRO_WORD;
  const at = line.markdown.lastIndexOf(term.explanation);
  if (at === -1) return undefined;
  const masked = line.codeMasked.slice(at, at + term.explanation.length);
  const label = new RegExp(
    String.raw`(?:^|[\s/|,;.·])(?:\*\*|__)?(${other})(?:\*\*|__)?\s*[:：]`,
    "iu",
  ).exec(masked);
  if (!label?.[1] || label.index === 0) return undefined;
  const word = label[1];
  const cut = label.index + label[0].indexOf(word);
  const first = term.explanation
    .slice(0, cut)
    .replace(/[\s/|,;·]*(?:\*\*|__)?$/u, "")
    .trim();
  const second = term.explanation.slice(cut + label[0].length - label[0].indexOf(word)).trim();
  if (first === "" || second === "") return undefined;
  return [
    { term: `${subject}${side[2]}`, explanation: first },
    { term: `${subject}${word}`, explanation: second },
  ];
}
