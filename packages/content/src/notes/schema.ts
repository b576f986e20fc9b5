/**
 * Zod schemas for cards made from notes. The database, the review service and the web app import
 * these (and their `T…` types) rather than re-declaring card shapes.
 */
import { z } from "zod";
import { ZParamRanges } from "../exercises/contract.ts";

export const CARD_KINDS = ["basic", "cloze", "listRecall", "exercise"] as const;
export const ZCardKind = z.enum(CARD_KINDS);
export type TCardKind = z.infer<typeof ZCardKind>;

/** Language of a card's text: Korean, English, or both in one card. */
export const ZCardLang = z.enum(["ko", "en", "mixed"]);
export type TCardLang = z.infer<typeof ZCardLang>;

export const ZCardSource = z.object({
  file: z.string(),
  /** 1-based, inclusive. */
  lineStart: z.number().int().min(1),
  lineEnd: z.number().int().min(1),
});
export type TCardSource = z.infer<typeof ZCardSource>;

/** How a card came to be: written with authoring syntax, or extracted from plain note structure. */
export const ZCardOrigin = z.enum(["explicit", "extracted"]);
export type TCardOrigin = z.infer<typeof ZCardOrigin>;

/**
 * Why an extracted card may be weak, for an instructor to review before publishing. Cards written
 * with authoring syntax and exercise cards carry none.
 * - generic-front: the question alone ("How?", "과정") says too little, even with its context;
 * - media-only-back: the answer is only an image or a link;
 * - example-specific: the answer is a value from the note's own example ("filter 크기" → 5x5);
 * - non-study-section: it comes from a part of the note that is not study material;
 * - fragment: the answer is a piece that reads as incomplete on its own;
 * - long-back: the answer is over 600 characters;
 * - answer-in-front: the question already shows the answer.
 */
export const CARD_FLAGS = [
  "generic-front",
  "media-only-back",
  "example-specific",
  "non-study-section",
  "fragment",
  "long-back",
  "answer-in-front",
] as const;
export const ZCardFlag = z.enum(CARD_FLAGS);
export type TCardFlag = z.infer<typeof ZCardFlag>;

const ZCardBase = z.object({
  /** Stable identity: survives edits elsewhere in the note and corrections of the answer. */
  id: z.string().min(1),
  /** The note this card came from, relative to its deck (or as given). */
  deckPath: z.string(),
  file: z.string(),
  source: ZCardSource,
  /** Heading path shown as context, e.g. ["여러가지 CNN", "AlexNet", "Key ideas"]. */
  context: z.array(z.string()),
  tags: z.array(z.string()),
  lang: ZCardLang,
  /** Cards made from the same source item share it, so a scheduler can bury siblings. */
  siblingKey: z.string().min(1),
  /** Changes when what the learner sees (front, back, items, params) changes. */
  contentHash: z.string().min(1),
  origin: ZCardOrigin,
  /** The `^anchor` that pins the id, when the author wrote one. */
  anchor: z.string().optional(),
  /** Reasons an extracted card may be weak; empty when it looks fine. Not part of id or hash. */
  flags: z.array(ZCardFlag).default([]),
});

/** Markdown with `$…$` math. */
const ZMarkdown = z.string();

export const ZBasicCard = ZCardBase.extend({
  kind: z.literal("basic"),
  front: ZMarkdown.min(1),
  back: ZMarkdown.min(1),
  /** Supporting detail shown under the answer. */
  extra: ZMarkdown.optional(),
  /** "forward" for the written direction, "reverse" for the generated opposite direction. */
  direction: z.enum(["forward", "reverse"]),
});
export type TBasicCard = z.infer<typeof ZBasicCard>;

export const ZClozeCard = ZCardBase.extend({
  kind: z.literal("cloze"),
  /** The whole text with every deletion written as `{{cN::answer}}`. */
  text: ZMarkdown.min(1),
  /** Which deletion this card hides (the N of cN). */
  clozeNumber: z.number().int().min(1),
  /** The text with deletion N shown as `[…]` and the others revealed. */
  front: ZMarkdown.min(1),
  /** The text with deletion N revealed as `==answer==`. */
  back: ZMarkdown.min(1),
  /** The hidden answers for deletion N, in order. */
  answers: z.array(ZMarkdown.min(1)).min(1),
});
export type TClozeCard = z.infer<typeof ZClozeCard>;

export const ZListRecallItem = z.object({
  /** What the learner must recall; graded on its own. */
  text: ZMarkdown.min(1),
  /** Further explanation of the item, shown after grading. */
  detail: ZMarkdown.optional(),
});
export type TListRecallItem = z.infer<typeof ZListRecallItem>;

export const ZListRecallCard = ZCardBase.extend({
  kind: z.literal("listRecall"),
  front: ZMarkdown.min(1),
  items: z.array(ZListRecallItem).min(2),
  /** Whether the order of the items matters (a numbered list). */
  ordered: z.boolean(),
});
export type TListRecallCard = z.infer<typeof ZListRecallCard>;

export const ZExerciseCard = ZCardBase.extend({
  kind: z.literal("exercise"),
  /** Name of a generator in the exercise engine's registry. */
  generator: z.string().min(1),
  params: ZParamRanges,
  prompt: ZMarkdown.optional(),
});
export type TExerciseCard = z.infer<typeof ZExerciseCard>;

export const ZCard = z.discriminatedUnion("kind", [
  ZBasicCard,
  ZClozeCard,
  ZListRecallCard,
  ZExerciseCard,
]);
export type TCard = z.infer<typeof ZCard>;

export const ZNoteIssue = z.object({
  severity: z.enum(["error", "warning"]),
  /** A stable, specific code such as "math-invalid" or "image-missing". */
  code: z.string(),
  message: z.string(),
  /**
   * The specifics `message` states in English, as values a page words in its own language (the
   * formula of "math-invalid", the image of "image-missing").
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  file: z.string(),
  line: z.number().int().min(1),
});
export type TNoteIssue = z.infer<typeof ZNoteIssue>;

/** Something in the note that extraction looked at and deliberately did not turn into a card. */
export const ZSkippedItem = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  /** A short excerpt of the text. */
  text: z.string(),
  reason: z.enum([
    "plain-statement",
    "question-without-answer",
    "label-without-content",
    "not-self-contained",
    "too-few-items",
    "too-many-items",
    "too-deep",
    "non-study-section",
    "todo",
    "link-list",
    "navigation",
    "metadata",
    "image-only",
    "worked-example",
  ]),
  message: z.string(),
});
export type TSkippedItem = z.infer<typeof ZSkippedItem>;

export const ZNoteImport = z.object({
  file: z.string(),
  deckPath: z.string(),
  /** Empty when there are errors, unless a partial import was asked for. */
  cards: z.array(ZCard),
  warnings: z.array(ZNoteIssue),
  errors: z.array(ZNoteIssue),
  skipped: z.array(ZSkippedItem),
  frontMatter: z.record(z.string(), z.unknown()),
});
export type TNoteImport = z.infer<typeof ZNoteImport>;
