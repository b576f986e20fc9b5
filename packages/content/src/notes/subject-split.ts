/**
 * Statements gathered under one label but about different things ("Dropout은 …", "Weight decay는
 * …" under "Regularization"; "Adam은 …" under "Optimizers › Pros") are split by their subject:
 * one card per subject, its front naming the subject ("Regularization: Dropout", "Adam: Pros"),
 * instead of one "Explain" card that lumps them or a front that leaves its subject to the answer.
 */
import type { CardDraft } from "./card-draft.ts";
import { isGenericLabel } from "./card-flags.ts";
import { cleanLabel } from "./line-shapes.ts";

/**
 * A technical term (Latin letters, as mixed notes write them) directly before the Korean topic
 * particle 은/는: "Adam은 …", "Weight decay는 …". Not 이/가, which as often mark a property
 * ("Memory가 많이 든다").
 */
const KO_SUBJECT =
  /^(?:\*\*|__)?([A-Za-z0-9][\w.+\-/]*(?: [\w.+\-/]+){0,3}?)(?:\*\*|__)?(?: ?\([^()]*\))?(?:은|는)\s/u;

const EN_VERBS =
  "is|are|was|were|has|have|uses|needs|requires|works|can|cannot|does|makes|keeps|adds|reduces|removes|combines|normalizes|prevents|helps|learns|converges|generalizes|tends|takes|gives|computes|avoids|solves|replaces|introduces";

/**
 * A name of up to four words, then a verb ("ResNet uses …", "BN is …"). An English sentence opens
 * with a capital anyway, so the name must look like one: an acronym, an inner capital or a digit.
 */
const EN_SUBJECT = new RegExp(
  String.raw`^(?:\*\*|__)?([A-Z][\w.+\-/]*(?: [\w.+\-/]+){0,3}?)(?:\*\*|__)? (?:${EN_VERBS})\b`,
  "u",
);

/** Words that open a sentence without naming its subject. */
const NOT_A_NAME =
  /^(?:the|a|an|it|its|this|that|these|those|they|there|here|we|you|he|she|each|every|some|most|all|both|such|but|and|or|so|if|when|in|on|at|for|with|to|by|as|one)$/iu;

/** The term a statement is about, when it opens by naming one ("Adam은 …", "ResNet uses …"). */
export function statementSubject(markdown: string): string | undefined {
  const line = (markdown.split("\n")[0] ?? "").trim();
  const ko = KO_SUBJECT.exec(line)?.[1];
  const en = ko === undefined ? EN_SUBJECT.exec(line)?.[1] : undefined;
  const subject = (ko ?? en)?.trim();
  if (subject === undefined || !/[A-Za-z]/.test(subject)) return undefined;
  if (en !== undefined && !/[A-Z]\w*[A-Z]|\d/.test(subject)) return undefined;
  if (NOT_A_NAME.test(subject.split(" ")[0] ?? "")) return undefined;
  return subject;
}

/** A label that asks one question ("Why …", "왜 …?"): its statements are one answer. */
const QUESTION_LABEL = /[?？]$|^(?:why|how|what|왜|어떻게)(?!\p{L})/iu;

const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

export interface SubjectGroup<T> {
  subject: string;
  parts: T[];
  /** The group's card front. */
  front: string;
}

/**
 * The parts of a label's card grouped by subject, when every part names one and the label's
 * front does not: under a generic label ("Pros", "단점") any subject the front lacks; under any
 * other label two or more subjects, none the label itself. A question label ("Why …?") is one
 * answer, never split. Undefined: keep the one card.
 */
export function subjectGroups<T>(
  parts: readonly T[],
  textOf: (part: T) => string,
  label: string,
  /** The front of the one card ("Optimizers: Pros", "Explain: Regularization"). */
  front: string,
): SubjectGroup<T>[] | undefined {
  const clean = cleanLabel(label);
  if (parts.length === 0 || QUESTION_LABEL.test(clean)) return undefined;
  const groups = new Map<string, SubjectGroup<T>>();
  for (const part of parts) {
    const subject = statementSubject(textOf(part));
    if (subject === undefined) return undefined;
    const group = groups.get(norm(subject));
    if (group) group.parts.push(part);
    else groups.set(norm(subject), { subject, parts: [part], front: "" });
  }
  const generic = isGenericLabel(clean);
  const asked = norm(front);
  const named = (s: string) => asked.includes(norm(s)) || norm(s).includes(norm(clean));
  const all = [...groups.values()];
  if (
    generic
      ? all.every((g) => named(g.subject))
      : all.length < 2 || all.some((g) => named(g.subject))
  ) {
    return undefined;
  }
  for (const g of all) {
    g.front = generic ? `${g.subject}: ${clean}` : `${clean}: ${g.subject}`;
  }
  return all;
}

/** One basic card per subject group, each placed at its own parts' lines. */
export function subjectCards<T>(
  groups: SubjectGroup<T>[],
  backOf: (parts: T[]) => string,
  linesOf: (part: T) => { line: number; lineEnd: number },
  place: { context: string[]; siblingKey: string },
): CardDraft[] {
  return groups.map((g) => ({
    kind: "basic",
    front: g.front,
    back: backOf(g.parts),
    direction: "forward",
    idFront: g.front,
    lineStart: Math.min(...g.parts.map((p) => linesOf(p).line)),
    lineEnd: Math.max(...g.parts.map((p) => linesOf(p).lineEnd)),
    context: place.context,
    siblingKey: place.siblingKey,
    origin: "extracted",
  }));
}

/** List items as a back: one item as it is, several as a bulleted list. */
export function itemsBack(items: { text: string }[]): string {
  const [only] = items;
  if (items.length === 1 && only) return only.text;
  return items.map((i) => `- ${i.text}`).join("\n");
}
