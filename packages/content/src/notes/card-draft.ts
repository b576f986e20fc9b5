import type { TParamRanges } from "../exercises/contract.ts";
import type { TCardFlag, TCardOrigin, TListRecallItem } from "./schema.ts";

/** A card as found in the note, before identity, hashes, tags and language are added. */
export type CardDraft = DraftPlace &
  (
    | {
        kind: "basic";
        front: string;
        back: string;
        extra?: string;
        direction: "forward" | "reverse";
      }
    | {
        kind: "cloze";
        text: string;
        clozeNumber: number;
        front: string;
        back: string;
        answers: string[];
      }
    | { kind: "listRecall"; front: string; items: TListRecallItem[]; ordered: boolean }
    | { kind: "exercise"; generator: string; params: TParamRanges; prompt?: string }
  );

export interface DraftPlace {
  /** The text the id is derived from (for a reverse card, the forward front). */
  idFront: string;
  discriminator?: string;
  anchor?: string;
  lineStart: number;
  lineEnd: number;
  context: string[];
  /** Local key of the source item; cards from one item share it. */
  siblingKey: string;
  origin: TCardOrigin;
  /** Weaknesses the walk saw (a non-study section, a fragment); text checks add the rest. */
  flags?: TCardFlag[];
}

/** Where a draft comes from in the note: its lines, heading path and anchor. */
export interface DraftAt {
  line: number;
  lineEnd: number;
  context: string[];
  anchor?: string | undefined;
  /** The text the id comes from; defaults to the front. */
  idFront?: string;
}

/** An extracted list-recall draft: the items to name, in order when `ordered`. */
export function listRecallDraft(
  front: string,
  items: TListRecallItem[],
  ordered: boolean,
  at: DraftAt,
): CardDraft {
  return {
    kind: "listRecall",
    front,
    items,
    ordered,
    idFront: at.idFront ?? front,
    lineStart: at.line,
    lineEnd: at.lineEnd,
    context: at.context,
    siblingKey: `L${at.line}`,
    origin: "extracted",
    ...(at.anchor === undefined ? {} : { anchor: at.anchor }),
  };
}
