// Public surface of notes → cards: the parser, the card schemas, re-import diffs and rendering.
export { makeCardId, normalizeForId } from "./card-id.ts";
export { localizeFront, localizePrompt } from "./card-templates.ts";
export { checkTex, resolveNotePath } from "./check-note-content.ts";
export { detectLang } from "./detect-lang.ts";
export { type CardChange, type CardDiff, diffCards, summarizeCardDiff } from "./diff-cards.ts";
export { readExerciseBlock, type TExerciseBlock, ZExerciseBlock } from "./exercise-block.ts";
export { MAX_NOTE_BYTES, type ParseNoteOptions, parseNote } from "./parse-note.ts";
export { escapeHtml, renderMarkdownToHtml, renderMathInline } from "./render-math.ts";
export * from "./schema.ts";
export {
  findTexProblems,
  type TexProblem,
  type TexProblemReason,
  texProblemOf,
} from "./tex-problems.ts";
// The shipped deck reads files: import it from "@strides/content/node" (Node only),
// so that bundles of the web app never include it.
