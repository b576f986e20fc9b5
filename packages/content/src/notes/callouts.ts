/**
 * GitHub alerts and Obsidian callouts without a title (`> [!WARNING]` over a sentence): their kind
 * says what the sentence is, a caution about the section, so it is asked as "Section: Warning".
 * Only the kinds that mark a caution; a `[!NOTE]` or `[!TIP]` is often about the note itself.
 */
import { type LineShape, leansOnContext } from "./line-shapes.ts";

const CAUTION_KINDS = /^(?:warning|caution|danger|important)$/iu;

/** A reminder to oneself, not a fact: "이건 꼭 기억하기!!", "시험에 나옴", "remember this". */
const REMINDER =
  /^(?:이건|그건|저건|이게|그게)|(?:꼭|반드시)\s*(?:기억|외우|암기)|기억하기|외우기|시험에|\b(?:remember|memorize)\b/iu;

/** Points elsewhere instead of stating something: "자세한 건 아래 참고", "see below". */
const POINTER =
  /(?:아래|위|다음\s*(?:강의|시간|장|절)|뒤)\s*(?:에서|의)?\s*(?:참고|참조|설명|다룬|다룸|정리)|자세한\s*(?:건|것은|내용은?)|\bsee\s+(?:below|above)\b|\b(?:later|next)\s+(?:lecture|section|chapter)\b|\b(?:todo|tbd)\b/iu;

/**
 * The label of an untitled callout of a caution kind ("Warning"), when each of its lines states
 * something checkable on its own: not a pointer elsewhere, not a reminder to oneself, not a
 * sentence leaning on the text before it ("이것은 …"), not a question.
 */
export function cautionLabel(kind: string, lines: LineShape[]): string | undefined {
  if (!CAUTION_KINDS.test(kind) || lines.length === 0) return undefined;
  const checkable = lines.every((l) => {
    const text = l.markdown.trim();
    return (
      text !== "" &&
      !leansOnContext(text) &&
      !POINTER.test(l.codeMasked) &&
      !REMINDER.test(l.codeMasked) &&
      !/[?？]/.test(l.codeMasked) &&
      /\p{L}{2}/u.test(l.codeMasked)
    );
  });
  return checkable ? `${kind.charAt(0).toUpperCase()}${kind.slice(1).toLowerCase()}` : undefined;
}
