/**
 * Stable card identity. An id is derived from what a card asks (its front, normalized) and where it
 * sits in the note (note key and heading path), never from line numbers or the answer. An `^anchor`
 * written by the author replaces the front and path, so the id survives any rewording.
 */

/** cyrb53-style 53-bit string hash, run twice with different seeds for 106 bits. Pure and fast. */
export function hashText(text: string): string {
  return hash53(text, 0x9e3779b1) + hash53(text, 0x85ebca6b);
}

function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, "0");
}

/**
 * Normalizes card text for identity: Unicode NFKC, lower case, whitespace collapsed, trailing
 * punctuation and markdown emphasis dropped. Korean text is kept as it is (NFKC keeps Hangul).
 */
export function normalizeForId(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\s.?!:;,。？！]+$/u, "")
    .trim();
}

export interface CardIdInput {
  /** Identifies the note: its front matter `id`, else its deck-relative path. */
  noteKey: string;
  kind: string;
  context: readonly string[];
  /** The question side as written (for both directions of a pair: the forward front). */
  front: string;
  /** Distinguishes cards made from one item: "reverse", "c2", "#2" for a repeated front. */
  discriminator?: string;
  anchor?: string;
}

export function makeCardId(input: CardIdInput): string {
  const identity =
    input.anchor !== undefined
      ? ["anchor", input.noteKey, input.anchor]
      : [
          "front",
          input.noteKey,
          input.kind,
          input.context.map(normalizeForId).join(" › "),
          normalizeForId(input.front),
        ];
  if (input.discriminator !== undefined) identity.push(input.discriminator);
  return `c_${hashText(identity.join("\u0000"))}`;
}

/** Hash of what the learner sees; stable under reformatting of whitespace. */
export function makeContentHash(parts: readonly unknown[]): string {
  return hashText(JSON.stringify(parts).replace(/\s+/g, " "));
}
