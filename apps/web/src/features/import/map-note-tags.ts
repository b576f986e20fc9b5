// The import's tags step: front-matter tags that are not study tags (Jekyll's `blog jekyll github`)
// are dropped, others renamed (`dl→deep-learning`), before the cards are published. Pure.
import type { SyncNote } from "@strides/db";
import { z } from "zod";

const ZTag = z.string().trim().min(1).max(100);
export const ZTagChoices = z.object({
  drop: z.array(ZTag).max(500).default([]),
  map: z.record(ZTag, z.string().trim().max(100)).default({}),
});
export type TTagChoices = z.infer<typeof ZTagChoices>;

/** A note's front-matter tags: a list, a list of lists, or a string split on commas and spaces. */
export function frontMatterTags(frontMatter: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (typeof v === "string") {
      for (const p of v.split(/[,\s]+/)) if (p !== "") out.add(p);
    } else if (typeof v === "number") out.add(String(v));
    else if (Array.isArray(v)) for (const item of v) walk(item, depth + 1);
  };
  walk(frontMatter.tags, 0);
  return [...out];
}

/**
 * Lines `from→to` (or `from->to`, `from=to`); `from→` alone drops the tag. Errors name the line.
 */
export function parseTagMapping(text: string): { map: Record<string, string>; errors: string[] } {
  const map: Record<string, string> = {};
  const errors: string[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const m = /^([^\s→=>-][^→=]*?)\s*(?:→|->|=)\s*(\S*)$/.exec(line);
    if (!m?.[1]) errors.push(`line ${i + 1}: expected "from→to", got "${line}"`);
    else map[m[1].trim()] = m[2] ?? "";
  });
  return { map, errors };
}

/** The note with its cards' tags dropped or renamed (a rename to "" drops). */
export function mapNoteTags(note: SyncNote, choices: TTagChoices): SyncNote {
  const drop = new Set(choices.drop);
  const rename = (tags: string[]) => {
    const out: string[] = [];
    for (const tag of tags) {
      if (drop.has(tag)) continue;
      const to = choices.map[tag] ?? tag;
      if (to !== "" && !out.includes(to)) out.push(to);
    }
    return out;
  };
  return {
    ...note,
    cards: note.cards.map((card) => {
      const tags = rename(card.tags);
      const content = card.content as Record<string, unknown>;
      return { ...card, tags, content: { ...content, tags } };
    }),
  };
}
