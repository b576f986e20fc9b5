// The demo deck: the content package's shipped "DL Basic — CNN" notes, parsed and checked.
import { AppError, parseNote } from "@strides/content";
import { loadShippedDeck } from "@strides/content/node";
import { noteImportToSyncNote } from "../decks/note-import-to-sync.ts";
import type { DemoDeck } from "./seed-demo.ts";

export function loadDemoDeck(): DemoDeck {
  const deck = loadShippedDeck();
  const notes = deck.notes.map((note) => {
    const parsed = parseNote({ text: note.text, file: note.path });
    const first = parsed.errors[0];
    if (first) {
      throw new AppError("PARSE_ERROR", `${first.file}:${first.line}: ${first.message}`, {
        file: first.file,
        line: first.line,
      });
    }
    return noteImportToSyncNote(parsed, note.text);
  });
  return { slug: deck.slug, name: deck.name, description: deck.description, notes };
}
