// The browser editor's card: validated fields in, content-package cards out (the same shape a note
// import makes, so review and rendering treat them alike). Errors name the field.
import { createHash, randomUUID } from "node:crypto";
import type { AppErrorKey, TCard } from "@strides/content";
import {
  AppError,
  checkTex,
  detectLang,
  getGeneratorInfo,
  parseOrThrow,
  ZParamRanges,
} from "@strides/content";
import { z } from "zod";
import { cardToSyncCard } from "../decks/note-import-to-sync.ts";
import type { SyncCard } from "../decks/sync-deck-cards.ts";

const ZTags = z
  .string()
  .trim()
  .max(500)
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(
    z.array(
      z.string().refine((t) => /^[\p{L}\p{N}_\-/:.]+$/u.test(t), {
        message: "letters, digits, - _ / : . only",
        params: { key: "tagsFormat" },
      }),
    ),
  );

const text = (max: number) => z.string().trim().min(1, "required").max(max);

export const ZCardFields = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("basic"),
    front: text(5000),
    back: text(10000),
    extra: z.string().trim().max(10000).default(""),
    tags: ZTags,
  }),
  z.object({
    kind: z.literal("cloze"),
    text: text(10000).refine((t) => /\{\{c\d+::[\s\S]+?\}\}|==[^=\n]+==/.test(t), {
      message: "mark at least one deletion as {{c1::answer}} or ==answer==",
      params: { key: "clozeMissing" },
    }),
    tags: ZTags,
  }),
  z.object({
    kind: z.literal("listRecall"),
    front: text(5000),
    items: z
      .string()
      .transform((s) =>
        s
          .split("\n")
          .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(2000)).min(2, "at least two items, one per line").max(30)),
    ordered: z.boolean().default(false),
    tags: ZTags,
  }),
  z.object({
    kind: z.literal("exercise"),
    generator: z.string().refine((g) => getGeneratorInfo(g) !== undefined, {
      message: "unknown generator",
      params: { key: "generatorUnknown" },
    }),
    params: z
      .string()
      .trim()
      .transform((s, ctx) => {
        if (s === "") return {};
        try {
          return JSON.parse(s) as unknown;
        } catch {
          ctx.addIssue({
            code: "custom",
            message: 'JSON, for example {"k": [3, 5]}',
            params: { key: "paramsJson" },
          });
          return z.NEVER;
        }
      })
      .pipe(ZParamRanges),
    prompt: z.string().trim().max(5000).default(""),
    tags: ZTags,
  }),
]);
export type TCardFields = z.infer<typeof ZCardFields>;

function fail(
  field: string,
  message: string,
  key: AppErrorKey,
  params: Record<string, string | number> = {},
): never {
  throw new AppError("BAD_INPUT", `${field}: ${message}`, {
    field,
    key,
    params: { field, ...params },
  });
}

/** Every `$…$` / `$$…$$` fragment must be valid KaTeX. */
function checkMath(field: string, value: string): void {
  const re = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;
  for (const m of value.matchAll(re)) {
    const display = m[1] !== undefined;
    const tex = (m[1] ?? m[2] ?? "").trim();
    const problem = checkTex(tex, display);
    // The fragment too: a page says the problem in its language (content's texProblemOf).
    if (problem) {
      fail(field, `math: ${problem}`, "mathInvalid", { problem, tex, display: display ? 1 : 0 });
    }
  }
}

function hash(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** Cloze numbers in text: `{{cN::…}}`, or 1 for `==…==` highlights. */
function clozeNumbers(t: string): number[] {
  const nums = new Set<number>();
  for (const m of t.matchAll(/\{\{c(\d+)::/g)) nums.add(Number(m[1]));
  if (/==[^=\n]+==/.test(t)) nums.add(1);
  return [...nums].sort((a, b) => a - b);
}

function clozeSides(t: string, n: number): { front: string; back: string; answers: string[] } {
  const answers: string[] = [];
  const norm = t.replace(/==([^=\n]+)==/g, "{{c1::$1}}");
  const front = norm.replace(/\{\{c(\d+)::([\s\S]*?)(?:::([^}]*))?\}\}/g, (_m, num, ans, hint) => {
    if (Number(num) !== n) return ans;
    answers.push(ans);
    return hint ? `[${hint}]` : "[…]";
  });
  const back = norm.replace(/\{\{c(\d+)::([\s\S]*?)(?:::([^}]*))?\}\}/g, (_m, num, ans) =>
    Number(num) === n ? `==${ans}==` : ans,
  );
  return { front, back, answers };
}

export interface EditorCardOptions {
  fields: unknown;
  /** Keep this key when editing; a new one is made otherwise. */
  key?: string;
  /** For an edited cloze card: the deletion it shows. */
  clozeNumber?: number;
}

/** Validated editor fields → the cards to write (several for a new cloze with c1, c2, …). */
export function cardsFromFields(options: EditorCardOptions): SyncCard[] {
  const f = parseOrThrow(ZCardFields, options.fields, "kind");
  const key = options.key ?? `ed-${randomUUID()}`;
  const base = {
    deckPath: "editor",
    file: "editor",
    source: { file: "editor", lineStart: 1, lineEnd: 1 },
    context: [] as string[],
    tags: f.tags,
    origin: "explicit" as const,
    siblingKey: key,
    flags: [],
  };
  const cards: TCard[] = [];
  switch (f.kind) {
    case "basic":
      checkMath("front", f.front);
      checkMath("back", f.back);
      checkMath("extra", f.extra);
      cards.push({
        ...base,
        id: key,
        kind: "basic",
        front: f.front,
        back: f.back,
        ...(f.extra ? { extra: f.extra } : {}),
        direction: "forward",
        lang: detectLang(`${f.front}\n${f.back}`),
        contentHash: hash(["basic", f.front, f.back, f.extra]),
      });
      break;
    case "cloze": {
      checkMath("text", f.text);
      const numbers = clozeNumbers(f.text);
      const wanted = options.clozeNumber !== undefined ? [options.clozeNumber] : numbers;
      for (const n of wanted) {
        if (!numbers.includes(n))
          fail(
            "text",
            `this card shows deletion c${n}; keep it in the text`,
            "clozeNumberMissing",
            {
              n,
            },
          );
        const sides = clozeSides(f.text, n);
        cards.push({
          ...base,
          id: options.clozeNumber !== undefined || numbers.length === 1 ? key : `${key}-c${n}`,
          kind: "cloze",
          text: f.text,
          clozeNumber: n,
          ...sides,
          lang: detectLang(f.text),
          contentHash: hash(["cloze", f.text, n]),
        });
      }
      break;
    }
    case "listRecall":
      checkMath("front", f.front);
      checkMath("items", f.items.join("\n"));
      cards.push({
        ...base,
        id: key,
        kind: "listRecall",
        front: f.front,
        items: f.items.map((t) => ({ text: t })),
        ordered: f.ordered,
        lang: detectLang(`${f.front}\n${f.items.join("\n")}`),
        contentHash: hash(["listRecall", f.front, f.items, f.ordered]),
      });
      break;
    case "exercise": {
      const info = getGeneratorInfo(f.generator);
      for (const name of Object.keys(f.params)) {
        if (!info?.params.includes(name)) {
          fail(
            "params",
            `${f.generator} has no parameter "${name}" (it has ${info?.params.join(", ")})`,
            "generatorNoParam",
            { name, names: info?.params.join(", ") ?? "" },
          );
        }
      }
      checkMath("prompt", f.prompt);
      cards.push({
        ...base,
        id: key,
        kind: "exercise",
        generator: f.generator,
        params: f.params,
        ...(f.prompt ? { prompt: f.prompt } : {}),
        lang: detectLang(f.prompt || "en"),
        contentHash: hash(["exercise", f.generator, f.params, f.prompt]),
      });
      break;
    }
  }
  return cards.map(cardToSyncCard);
}
