// The review screen's key map, as one pure function: which action a key press means, given where the
// focus is and what the screen shows. Every card kind gets the same keys; a text box keeps only
// Enter (check) and Esc (leave the box), so `-` and `u` can be typed into an answer.

export type ReviewPhase = "question" | "answer";

export type ReviewKeyAction =
  | { type: "undo" }
  | { type: "check" }
  | { type: "leaveInput" }
  | { type: "focusAnswer" }
  | { type: "reveal" }
  | { type: "rate"; rating: 1 | 2 | 3 | 4 }
  | { type: "acceptProposed" }
  | { type: "suspend" }
  | { type: "bury" }
  | { type: "edit" }
  /** `e` on a card the learner may not edit: they are told so (nothing else happens). */
  | { type: "cannotEdit" }
  | { type: "toggleHelp" }
  | { type: "closeHelp" };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface KeyTarget {
  /** A text field that takes the key (not a checkbox, not read-only). */
  typing: boolean;
  /** A button, link or summary: Space and Enter activate it. */
  activatable: boolean;
}

export interface ReviewKeyState {
  hasCard: boolean;
  kind: string | null;
  phase: ReviewPhase;
  proposed: 1 | 2 | 3 | 4 | null;
  helpOpen: boolean;
  canEdit: boolean;
}

/** What the element with the focus is, for reviewKeyAction. */
export function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) {
    return { typing: false, activatable: false };
  }
  const tag = target.tagName;
  let typing = target.isContentEditable || tag === "TEXTAREA";
  if (target instanceof HTMLInputElement) {
    const textual = !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
    typing = textual && !target.readOnly && !target.disabled;
  }
  return { typing, activatable: tag === "BUTTON" || tag === "A" || tag === "SUMMARY" };
}

export function reviewKeyAction(
  press: KeyPress,
  target: KeyTarget,
  s: ReviewKeyState,
): ReviewKeyAction | null {
  const { key } = press;
  if (press.altKey || press.metaKey) return null;
  if (s.helpOpen) return key === "Escape" || key === "?" ? { type: "closeHelp" } : null;
  if (target.typing) {
    if (key === "Escape") return { type: "leaveInput" };
    if (key === "Enter" && s.hasCard && s.phase === "question" && s.kind === "exercise") {
      return { type: "check" };
    }
    return null;
  }
  if (press.ctrlKey) return key.toLowerCase() === "z" ? { type: "undo" } : null;
  if (key === "u") return { type: "undo" };
  if (key === "?") return { type: "toggleHelp" };
  if (!s.hasCard) return null;
  if (key === "@") return { type: "suspend" };
  if (key === "-") return { type: "bury" };
  if (key === "e") return s.canEdit ? { type: "edit" } : { type: "cannotEdit" };
  if (s.phase === "question") {
    if ((key === " " || key === "Enter") && !target.activatable) {
      return s.kind === "exercise" ? { type: "focusAnswer" } : { type: "reveal" };
    }
    return null;
  }
  if (key === "1" || key === "2" || key === "3" || key === "4") {
    return { type: "rate", rating: Number(key) as 1 | 2 | 3 | 4 };
  }
  // Enter goes on: the proposed rating, else Good (as in Anki), never nothing.
  if (key === "Enter" && !target.activatable) {
    return s.proposed !== null ? { type: "acceptProposed" } : { type: "rate", rating: 3 };
  }
  return null;
}

/** The key map as the README shows it: keys, then the `experience` message id. */
export const KEY_MAP: { keys: string[]; action: string }[] = [
  { keys: ["Space", "Enter"], action: "keyReveal" },
  { keys: ["Enter"], action: "keyCheck" },
  { keys: ["Esc"], action: "keyLeave" },
  { keys: ["1", "2", "3", "4"], action: "keyRate" },
  { keys: ["Enter"], action: "keyAccept" },
  { keys: ["Space"], action: "keyTick" },
  { keys: ["u", "Ctrl+Z"], action: "keyUndo" },
  { keys: ["-"], action: "keyBury" },
  { keys: ["@"], action: "keySuspend" },
  { keys: ["e"], action: "keyEdit" },
  { keys: ["?"], action: "keyHelp" },
];

/** The key map the `?` overlay shows: `e` (edit) only where the card can be edited. */
export function keyMapFor(o: { canEdit: boolean }): typeof KEY_MAP {
  return o.canEdit ? KEY_MAP : KEY_MAP.filter((k) => k.action !== "keyEdit");
}
