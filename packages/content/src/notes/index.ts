// Public surface of notes → cards: the parser, the card schemas, re-import diffs and rendering.
export { makeCardId, normalizeForId } from "./card-id.ts";
export { detectLang } from "./detect-lang.ts";
export { readExerciseBlock, type TExerciseBlock, ZExerciseBlock } from "./exercise-block.ts";
export { MAX_NOTE_BYTES, type ParseNoteOptions, parseNote } from "./parse-note.ts";
export * from "./schema.ts";
