// Parsing helpers shared by the notes rules' tests (not a test file itself).
import { toGoldenCard } from "./golden-card.ts";
import { parseNote } from "./parse-note.ts";

/** The note `text` parsed as a file `t.md` whose images all are missing. */
export const parse = (text: string) => parseNote({ text, file: "t.md", resolveImage: () => false });
/** Its cards as the goldens show them. */
export const cards = (text: string) => parse(text).cards.map(toGoldenCard);
export const fronts = (text: string) => cards(text).map((c) => c.front);
/** The back of the card with this front (undefined when none has it, or it has no back). */
export const backOf = (text: string, front: string) => {
  const card = cards(text).find((c) => c.front === front);
  return card && "back" in card ? card.back : undefined;
};
