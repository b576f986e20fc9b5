/** Turns card drafts into cards: ids, content hashes, language, tags, schema validation. */
import type { CardDraft } from "./card-draft.ts";
import { textFlags } from "./card-flags.ts";
import { makeCardId, makeContentHash, normalizeForId } from "./card-id.ts";
import { detectLang } from "./detect-lang.ts";
import { type TCard, type TNoteIssue, ZCard } from "./schema.ts";

export interface BuildCardsOptions {
  file: string;
  deckPath: string;
  noteKey: string;
  /** Tags from front matter; heading tags are added per card. */
  tags: string[];
}

export function buildCards(
  drafts: CardDraft[],
  options: BuildCardsOptions,
): { cards: TCard[]; issues: Omit<TNoteIssue, "file">[] } {
  const cards: TCard[] = [];
  const issues: Omit<TNoteIssue, "file">[] = [];
  const seen = new Map<string, number>();
  const anchors = new Map<string, number>();
  const ordered = [...drafts].sort((a, b) => a.lineStart - b.lineStart);
  for (const draft of ordered) {
    if (draft.anchor !== undefined && !(draft.kind === "basic" && draft.direction === "reverse")) {
      const key = `${draft.anchor}\u0000${draft.discriminator ?? ""}`;
      const previous = anchors.get(key);
      if (previous !== undefined) {
        issues.push({
          severity: "error",
          code: "anchor-duplicate",
          message: `anchor ^${draft.anchor} is used twice (also on line ${previous}); each card needs its own`,
          line: draft.lineStart,
        });
        continue;
      }
      anchors.set(key, draft.lineStart);
    }
    let id = makeCardId({
      noteKey: options.noteKey,
      kind: draft.kind === "cloze" ? "cloze" : draft.kind,
      context: draft.context,
      front: draft.idFront,
      ...(draft.discriminator === undefined ? {} : { discriminator: draft.discriminator }),
      ...(draft.anchor === undefined ? {} : { anchor: draft.anchor }),
    });
    const repeats = seen.get(id) ?? 0;
    seen.set(id, repeats + 1);
    if (repeats > 0) {
      issues.push({
        severity: "warning",
        code: "card-duplicate",
        message: `a card with the same question already exists under the same heading ("${short(draft.idFront)}"); add a ^anchor to tell them apart`,
        line: draft.lineStart,
      });
      id = makeCardId({
        noteKey: options.noteKey,
        kind: draft.kind,
        context: draft.context,
        front: draft.idFront,
        discriminator: `${draft.discriminator ?? ""}#${repeats + 1}`,
      });
    }
    const card = toCard(draft, id, options);
    const parsed = ZCard.safeParse(card);
    if (!parsed.success) {
      issues.push({
        severity: "error",
        code: "card-invalid",
        message: `card "${short(draft.idFront)}" is not valid: ${parsed.error.issues[0]?.message ?? "invalid"}`,
        line: draft.lineStart,
      });
      continue;
    }
    cards.push(parsed.data);
  }
  return { cards, issues };
}

function toCard(draft: CardDraft, id: string, options: BuildCardsOptions): TCard {
  const base = {
    id,
    deckPath: options.deckPath,
    file: options.file,
    source: { file: options.file, lineStart: draft.lineStart, lineEnd: draft.lineEnd },
    context: draft.context,
    tags: cardTags(options.tags, draft.context),
    siblingKey: `s_${makeContentHash([options.noteKey, draft.siblingKey, normalizeForId(draft.idFront)])}`,
    origin: draft.origin,
    flags: textFlags(draft),
    ...(draft.anchor === undefined ? {} : { anchor: draft.anchor }),
  };
  switch (draft.kind) {
    case "basic":
      return {
        ...base,
        kind: "basic",
        front: draft.front,
        back: draft.back,
        ...(draft.extra === undefined ? {} : { extra: draft.extra }),
        direction: draft.direction,
        lang: detectLang(`${draft.front}\n${draft.back}\n${draft.extra ?? ""}`),
        contentHash: makeContentHash(["basic", draft.front, draft.back, draft.extra ?? ""]),
      };
    case "cloze":
      return {
        ...base,
        kind: "cloze",
        text: draft.text,
        clozeNumber: draft.clozeNumber,
        front: draft.front,
        back: draft.back,
        answers: draft.answers,
        lang: detectLang(draft.back),
        contentHash: makeContentHash(["cloze", draft.text, draft.clozeNumber]),
      };
    case "listRecall":
      return {
        ...base,
        kind: "listRecall",
        front: draft.front,
        items: draft.items,
        ordered: draft.ordered,
        lang: detectLang(`${draft.front}\n${draft.items.map((i) => i.text).join("\n")}`),
        contentHash: makeContentHash(["listRecall", draft.front, draft.items, draft.ordered]),
      };
    case "exercise":
      return {
        ...base,
        kind: "exercise",
        generator: draft.generator,
        params: draft.params,
        ...(draft.prompt === undefined ? {} : { prompt: draft.prompt }),
        lang: detectLang(draft.prompt ?? ""),
        contentHash: makeContentHash([
          "exercise",
          draft.generator,
          draft.params,
          draft.prompt ?? "",
        ]),
      };
  }
}

/** Front matter tags plus one tag per heading in the card's context ("Semantic Segmentation" → "semantic-segmentation"). */
function cardTags(noteTags: string[], context: string[]): string[] {
  const tags = [...noteTags.map(slugTag), ...context.slice(0, 2).map(slugTag)];
  return [...new Set(tags.filter((t) => t !== ""))];
}

export function slugTag(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[$\\{}]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function short(text: string): string {
  const t = text.replace(/\s+/g, " ");
  return t.length > 50 ? `${t.slice(0, 47)}…` : t;
}
