// A deck address proposed from its name: lowercase ASCII letters, digits and dashes, 2–60 long
// (the rule createDeck checks). A name without Latin letters (e.g. all Korean) gives "deck-…".

export function slugFromName(name: string, fallbackSeed = ""): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  if (ascii.length >= 2) return ascii;
  const seed = fallbackSeed || String(name.length);
  return `deck-${seed}`.slice(0, 60);
}
