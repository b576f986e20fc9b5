/**
 * The text of a note section as the exercise proposer reads it: one lower-case line of prose and
 * TeX in which every way of writing a size ("3 * 3", "3X3", "11 by 11", `3 \times 3`) reads
 * "3×3" and thousands separators are gone ("73,728" → "73728"). Numbers and patterns are then
 * matched on this text only, in one pass each.
 */

/** Sizes written between digits: ×, x, X, *, ·, "by" and TeX's \times and \cdot. */
const DIM_SEPARATOR =
  /(\d)\s*(?:×|\\times|\\cdot|\\ast|\*|·|⋅|x|by)(?:\\[ ,;!]|\s|\{\}|\\)*\s*(?=\d)/gi;

export function normalizeNoteText(text: string): string {
  let t = text.normalize("NFKC").toLowerCase();
  if (t.includes("\\")) {
    // TeX that only spaces or groups: \left( \right) \, \; \! \quad.
    t = t
      .replace(/\\(?:left|right|big|bigg|displaystyle|mathrm|text|operatorname)\b/g, "")
      .replace(/\\[,;!: ]|\\q?quad\b/g, " ");
  }
  if (t.includes("**") || t.includes("__")) t = t.replace(/\*\*|__/g, " ");
  // 73,728 → 73728 (TeX's 73{,}728 too), but not "1, 2, 3".
  if (t.includes(",")) t = t.replace(/(?<=\d)(?:\{,\}|,)(?=\d{3}(?!\d))/g, "");
  t = t.replace(DIM_SEPARATOR, "$1×");
  if (t.includes("\\")) t = t.replace(/\\times\b/g, "×").replace(/\\cdot\b/g, "·");
  return t.replace(/\\to\b|\\rightarrow\b|⟶|⇒|=+>|-+>/g, " → ").replace(/\s{2,}|[^\S ]/g, " ");
}

/** Every integer in the text (decimals and percentages excluded). */
export function integersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d.])\d{1,9}(?![\d.]\d)/g)) out.push(Number(m[0]));
  return out;
}

/** Runs of sizes such as 3×3, 224×224×3 or 3×3×128×64, each as its list of numbers. */
export function dimensionChains(text: string): number[][] {
  const chains: number[][] = [];
  for (const m of text.matchAll(/(?<![\d.])\d{1,5}(?:×\d{1,5})+(?![\d.])/g)) {
    chains.push(m[0].split("×").map(Number));
  }
  return chains;
}

/** Square kernel or window sizes k written as k×k (the first two numbers of a chain). */
export function squareSizes(chains: readonly number[][], max = 15): number[] {
  const sizes: number[] = [];
  for (const c of chains) {
    const [a, b] = c;
    if (a !== undefined && a === b && a >= 1 && a <= max) sizes.push(a);
  }
  return unique(sizes);
}

/**
 * Numbers written right after one of the keywords, as in "stride 2", "stride=2", "스트라이드는 2",
 * "padding: 1", "k = 32" (up to a few characters between).
 */
export function numbersAfter(text: string, keyword: string): number[] {
  const re = cached(
    AFTER,
    keyword,
    () =>
      new RegExp(
        `(?:${keyword})\\s*(?:[(=:]|은|는|이|가|을|를|값|of|is|to)?\\s*(\\d+(?:\\.\\d+)?)`,
        "g",
      ),
  );
  return [...text.matchAll(re)].map((m) => Number(m[1]));
}

/** Numbers written right before one of the keywords, as in "64 channels", "96개의 필터", "6 layers". */
export function numbersBefore(text: string, keyword: string): number[] {
  const re = cached(
    BEFORE,
    keyword,
    () =>
      new RegExp(`(?<![\\d.×])(\\d+)\\s*(?:개의|개|-d\\b|-dim\\b|d\\b)?\\s*(?:${keyword})`, "g"),
  );
  return [...text.matchAll(re)].map((m) => Number(m[1]));
}

const AFTER = new Map<string, RegExp>();
const BEFORE = new Map<string, RegExp>();

/** Keyword patterns are few and fixed: each is compiled once. */
function cached(cache: Map<string, RegExp>, keyword: string, make: () => RegExp): RegExp {
  let re = cache.get(keyword);
  if (re === undefined) {
    re = make();
    cache.set(keyword, re);
  }
  return re;
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
