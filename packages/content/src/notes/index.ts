// Public surface of notes → cards: the parser, the card schemas, re-import diffs and rendering.
export { makeCardId, normalizeForId } from "./card-id.ts";
export { detectLang } from "./detect-lang.ts";
export { type CardChange, type CardDiff, diffCards, summarizeCardDiff } from "./diff-cards.ts";
export { readExerciseBlock, type TExerciseBlock, ZExerciseBlock } from "./exercise-block.ts";
export { MAX_NOTE_BYTES, type ParseNoteOptions, parseNote } from "./parse-note.ts";
export { exerciseLanguage } from "./propose-exercises/index.ts";
export { escapeHtml, renderMarkdownToHtml, renderMathInline } from "./render-math.ts";
export * from "./schema.ts";
// The shipped deck reads files: import it from "@strides/content/notes/shipped-deck" (Node only),
// so that bundles of the web app never include it.
