/**
 * Worked examples: a section or line that walks a computation through with the note's own numbers
 * ("예시", "Example 2", "예: 입력 32, 커널 5 …", "e.g. 3x3 conv, 64 → 128 channels: …"). Asked as a
 * fact ("IoU: 예시" → "25 / 175 ≈ 0.14") its answer is whichever example the note happened to use:
 * not a card (CARD-QUALITY: consistent). The computation is drilled by the exercise proposed from
 * the same section instead; the example is listed as skipped, with its reason. An example section
 * without numbers ("예시" over "sigmoid, tanh, ReLU") names things and keeps its cards.
 */

import type { ListItem } from "mdast";
import type { CardCollector } from "./card-collector.ts";
import type { CardDraft } from "./card-draft.ts";
import { cleanLabel, readTermExplanation } from "./line-shapes.ts";
import type { NoteSource, ParagraphTexts } from "./markdown-source.ts";

/** A label that introduces a worked example: "예시", "예)", "Example 2", "e.g.", "예시: IoU 계산". */
const EXAMPLE_LABEL =
  /^(?:예시|예제|예|계산\s*예(?:시|제)?|ex|e\.g|examples?|for\s+example|worked\s+examples?)\s*\d*\s*(?:[)）:：.\-–—]|$)/iu;

/** A term that opens with an example marker: "e.g. 3x3 conv, …", "예) …", "For example, …". */
const EXAMPLE_OPENING =
  /^(?:e\.g\.?,?|ex\.|예\)|예시\)|for\s+example,?|예를\s*들(?:어|면)(?:서)?,?|예컨대,?)\s/iu;

/**
 * A result worked out from given values: "batch_size=32이고 데이터가 1000개이므로 … = 32 이다",
 * "with 1000 samples and batch 32, steps = 32", "파라미터 수: 20*64 + 64 = 1344": numbers, a
 * condition or a sum, then "= result".
 */
const EXAMPLE_COMPUTATION =
  /\d[^\n]*?(?:이면|이므로|이니까|일\s*때|니까)\s[^\n]*[=≈]\s*[\d.,]+\s*(?:이다|입니다)?\s*[.。]?$|^(?:with|for|if)\s[^\n]*\d[^\n]*[=≈]\s*[\d.,]+\s*[.。]?$|[:：]\s*(?:[\d.,]+\s*(?:\\?[*×x+\-/]|\\times)\s*)+[\d.,]+\s*[=≈]\s*[\d.,]+\s*[.。]?$/iu;

export function isExampleLabel(label: string): boolean {
  return EXAMPLE_LABEL.test(cleanLabel(label));
}

/** A term that names the example of something: "파라미터 수 예시", "IoU 계산 예", "mAP example". */
const EXAMPLE_OF = /(?:^|\s)(?:예시|예제|계산\s*예(?:시|제)?|examples?|worked\s+example)\s*\d*$/iu;

/** A `term: …` line's term that marks the line as an example. */
export function isExampleTerm(term: string): boolean {
  const clean = cleanLabel(term);
  return isExampleLabel(term) || EXAMPLE_OPENING.test(clean) || EXAMPLE_OF.test(clean);
}

/**
 * A statement that walks an example through with numbers: "예) 입력 10, hidden 20 → … = 2480",
 * "e.g. with 3 classes at AP 0.8, 0.6, 0.7 the mAP is 0.7". Not a fact of its section.
 */
export function isExampleLine(markdown: string): boolean {
  const clean = cleanLabel(markdown);
  return (EXAMPLE_OPENING.test(clean) && holdsNumbers(markdown)) || EXAMPLE_COMPUTATION.test(clean);
}

/** An item that is a worked example ("예) 입력 10 → 2480", "예: $t=1$이면 …") with nothing under it. */
export function isExampleItem(item: ListItem, src: NoteSource, texts: ParagraphTexts): boolean {
  const t = item.children[0];
  if (item.children.length !== 1 || t?.type !== "paragraph") return false;
  const shape = texts.get(t, src).joined;
  const term = readTermExplanation(shape);
  return (
    isExampleLine(shape.markdown) ||
    (term !== undefined && isExampleTerm(term.term) && holdsNumbers(shape.markdown))
  );
}

/** A number standing on its own ("5x5", "stride 2", "25 / 175"), not part of a name ("VGG16", "ResNet-50"). */
export function holdsNumbers(text: string): boolean {
  return /(?<![\p{L}\d\-_])\d/u.test(text);
}

export const WORKED_EXAMPLE_MESSAGE =
  "a worked example with the note's own numbers, not a fact to recall (an exercise drills the computation)";

/** What a draft asks the learner to recall. */
function answerOf(draft: CardDraft): string {
  switch (draft.kind) {
    case "basic":
    case "cloze":
      return draft.back;
    case "listRecall":
      return draft.items.map((i) => i.text).join("\n");
    case "exercise":
      return "";
  }
}

/**
 * Removes the cards extracted from inside an example section whose answers hold the example's
 * numbers, and lists each as skipped. Cards written with authoring syntax and exercises stay.
 */
export function dropWorkedExamples(cards: CardCollector): void {
  const kept = cards.drafts.filter((draft) => {
    const example =
      draft.origin === "extracted" &&
      draft.kind !== "exercise" &&
      draft.context.some(isExampleLabel) &&
      holdsNumbers(answerOf(draft));
    if (example) {
      const text = `${draft.front} → ${answerOf(draft)}`;
      cards.skip(draft.lineStart, text, "worked-example", WORKED_EXAMPLE_MESSAGE);
    }
    return !example;
  });
  cards.drafts.splice(0, cards.drafts.length, ...kept);
}
