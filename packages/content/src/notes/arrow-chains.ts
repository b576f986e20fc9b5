/**
 * A pipeline written on one line with arrows ("후보 영역 추출 -> CNN 특징 추출 -> SVM 분류",
 * "BatchNorm → $1 \times 1$ Conv → AvgPool", "A $\rightarrow$ B $\rightarrow$ C"): its stages, to
 * be asked in order like a numbered list of steps.
 */
import { type CardDraft, type DraftAt, listRecallDraft } from "./card-draft.ts";
import { isSentence, type LineShape, wordCount } from "./line-shapes.ts";
import { MASK } from "./markdown-source.ts";

/** A text arrow outside code and math (`==>` is the question arrow, `<->` and `<=>` go both ways). */
const TEXT_ARROW = /(?<![=<>-])(?:-{1,2}>|=>|[→⟶⇒➔➜➝⇨])(?![>=])/gu;
/** Math that is only an arrow: `$\rightarrow$`, `$\to$`, `$\Rightarrow$`. */
const MATH_ARROW = /\$\s*\\(?:rightarrow|to|Rightarrow|longrightarrow|Longrightarrow)\s*\$/gu;

/** The fewest stages a chain needs: "원인 -> 결과" is a cause and its effect, not a pipeline. */
const MIN_STAGES = 3;
/** The longest a stage may be, in words: longer pieces are sentences joined by arrows. */
const MAX_STAGE_WORDS = 8;

/**
 * The stages of a line that is a chain of arrows, or undefined. Each stage must be a short name
 * or phrase with a word in it (not a sentence, not only math or a number: "224 → 112 → 56" is an
 * example's sizes, not steps).
 */
export function readArrowChain(line: LineShape): string[] | undefined {
  const cuts: { from: number; to: number }[] = [];
  for (const m of line.codeMasked.matchAll(TEXT_ARROW))
    cuts.push({ from: m.index, to: m.index + m[0].length });
  for (const m of line.markdown.matchAll(MATH_ARROW))
    cuts.push({ from: m.index, to: m.index + m[0].length });
  if (cuts.length < MIN_STAGES - 1) return undefined;
  cuts.sort((a, b) => a.from - b.from);
  const stages: string[] = [];
  let at = 0;
  for (const cut of [...cuts, { from: line.markdown.length, to: line.markdown.length }]) {
    const markdown = line.markdown.slice(at, cut.from).trim();
    const masked = line.codeMasked.slice(at, cut.from).trim();
    at = cut.to;
    const stage = markdown.replace(/[.。]$/u, "").trim();
    const words = masked.replaceAll(MASK, " ");
    if (
      stage === "" ||
      !/\p{L}{2,}/u.test(words) ||
      wordCount(masked) > MAX_STAGE_WORDS ||
      isSentence(masked) ||
      /[:：]$/.test(stage)
    ) {
      return undefined;
    }
    stages.push(stage);
  }
  return stages;
}

/**
 * The ordered-recall card of a chain, asked by what it is the pipeline of: `front` is a term's or
 * a section's steps front ("R-CNN: steps in order", "Faster R-CNN: 파이프라인").
 */
export function chainStepsDraft(stages: string[], front: string, at: DraftAt): CardDraft {
  return listRecallDraft(
    front,
    stages.map((text) => ({ text })),
    true,
    at,
  );
}
