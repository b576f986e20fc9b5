// Bench cases run by `npm run bench` (bench/suites.ts).
export { benchCnn, type CnnBenchRow } from "./cnn/cnn.bench-case.ts";
export { benchNotes, generatedNote, type NotesBenchRow } from "./notes/notes.bench-case.ts";
