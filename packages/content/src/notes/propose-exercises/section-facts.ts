/**
 * What the exercise proposer reads off one note section: its normalized text (heading path
 * included, so "DenseNet › Transition Block" counts as about DenseNet), the sizes written as
 * k×k, chains such as 3×3×128×64 and the numbers after keywords such as "stride".
 */
import type { NoteSection } from "./note-sections.ts";
import {
  dimensionChains,
  integersIn,
  normalizeNoteText,
  numbersAfter,
  numbersBefore,
  squareSizes,
  unique,
} from "./note-text.ts";

export interface SectionFacts {
  /** Normalized heading path and body (see normalizeNoteText). */
  text: string;
  chains: number[][];
  /** k of every k×k written (k ≤ 15): kernels, windows, small maps. */
  squares: number[];
  /** Every integer of the text. */
  ints: number[];
  /** The body's lines and sentences, each normalized: a worked example is read within one. */
  sentences: string[];
  has(pattern: RegExp): boolean;
  /** Whether the section's own text, without its heading path, matches. */
  bodyHas(pattern: RegExp): boolean;
  after(keyword: string): number[];
  before(keyword: string): number[];
}

export function sectionFacts(section: NoteSection): SectionFacts {
  const body = normalizeNoteText(section.text);
  const text = `${normalizeNoteText(section.context.join(" › "))}\n${body}`;
  const chains = dimensionChains(text);
  return {
    text,
    chains,
    squares: squareSizes(chains),
    ints: integersIn(text),
    sentences: section.text
      .split(/\n|[.。!?;](?=\s|$)/)
      .map(normalizeNoteText)
      .filter((t) => t.trim() !== ""),
    has: (pattern) => pattern.test(text),
    bodyHas: (pattern) => pattern.test(body),
    after: (keyword) => numbersAfter(text, keyword),
    before: (keyword) => numbersBefore(text, keyword),
  };
}

/** Words that say a number of parameters or weights is being talked about. */
export const PARAMETER_WORDS =
  /param|파라미터|패러미터|매개변수|가중치|weights?\b|학습 ?(?:가능한 )?변수|#\s*of\s*param/;
/** Words for a convolution (layer, filter or kernel). */
export const CONV_WORDS = /conv|합성곱|컨볼루션|콘볼루션|컨벌루션|filter|필터|kernel|커널/;

const CHANNELS = new WeakMap<SectionFacts, number[]>();

/** Channel counts written as "64 channels", "64채널", "64-d", "C = 64", "채널 64개". */
export function channelNumbers(f: SectionFacts): number[] {
  let found = CHANNELS.get(f);
  if (found === undefined) {
    found = readChannelNumbers(f);
    CHANNELS.set(f, found);
  }
  return found;
}

function readChannelNumbers(f: SectionFacts): number[] {
  return unique([
    ...f.before("channels?|채널|ch\\b|filters?|필터|feature maps?|maps?\\b"),
    ...f.after("c_?\\{?(?:in|out)?\\}?|채널(?: 수)?|channels?"),
  ]).filter((n) => Number.isInteger(n) && n >= 1);
}

/** The numbers of chains that come after a leading k×k pair (3×3×128×64 → 128, 64). */
export function chainTails(f: SectionFacts): number[][] {
  return f.chains.filter((c) => c.length >= 3 && c[0] === c[1]).map((c) => c.slice(2));
}

/** Spatial sizes: sides of k×k maps from 13 up (224×224, 32x32x3, 55×55×96). */
export function spatialSizes(f: SectionFacts): number[] {
  return unique(
    f.chains
      .filter((c) => c[0] !== undefined && c[0] === c[1] && c[0] >= 13)
      .map((c) => c[0]!)
      .concat(
        f.after("input(?: size)?|입력(?: 크기)?|이미지 크기|image size").filter((n) => n >= 13),
      ),
  );
}
