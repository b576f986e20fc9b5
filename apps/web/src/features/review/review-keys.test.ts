import { describe, expect, it } from "vitest";
import { KEY_MAP, keyMapFor, type ReviewKeyState, reviewKeyAction } from "./review-keys.ts";

const press = (key: string, ctrlKey = false) => ({ key, ctrlKey, altKey: false, metaKey: false });
const body = { typing: false, activatable: false };
const box = { typing: true, activatable: false };
const state = (o: Partial<ReviewKeyState> = {}): ReviewKeyState => ({
  hasCard: true,
  kind: "basic",
  phase: "question",
  proposed: null,
  helpOpen: false,
  canEdit: false,
  ...o,
});

describe("the review key map", () => {
  it("leaves an exercise's answer box with Esc; the box keeps -, u and Ctrl+Z for typing", () => {
    const ex = state({ kind: "exercise" });
    expect(reviewKeyAction(press("Escape"), box, ex)).toEqual({ type: "leaveInput" });
    expect(reviewKeyAction(press("Enter"), box, ex)).toEqual({ type: "check" });
    for (const k of [press("-"), press("u"), press("@"), press("z", true)]) {
      expect(reviewKeyAction(k, box, ex)).toBeNull();
    }
  });

  it("gives every card kind the same keys outside a text box", () => {
    for (const kind of ["basic", "cloze", "listRecall", "exercise"]) {
      for (const phase of ["question", "answer"] as const) {
        const s = state({ kind, phase });
        expect(reviewKeyAction(press("u"), body, s)).toEqual({ type: "undo" });
        expect(reviewKeyAction(press("z", true), body, s)).toEqual({ type: "undo" });
        expect(reviewKeyAction(press("-"), body, s)).toEqual({ type: "bury" });
        expect(reviewKeyAction(press("@"), body, s)).toEqual({ type: "suspend" });
        expect(reviewKeyAction(press("?"), body, s)).toEqual({ type: "toggleHelp" });
      }
      const answer = state({ kind, phase: "answer", proposed: 3 });
      expect(reviewKeyAction(press("2"), body, answer)).toEqual({ type: "rate", rating: 2 });
      expect(reviewKeyAction(press("Enter"), body, answer)).toEqual({ type: "acceptProposed" });
    }
  });

  it("rates and accepts from a ticked list item (a checkbox is not a text box)", () => {
    const s = state({ kind: "listRecall", phase: "answer", proposed: 2 });
    const checkbox = { typing: false, activatable: false };
    expect(reviewKeyAction(press("4"), checkbox, s)).toEqual({ type: "rate", rating: 4 });
    expect(reviewKeyAction(press("Enter"), checkbox, s)).toEqual({ type: "acceptProposed" });
  });

  it("Enter on an answer with no proposed rating rates Good, as the key map says", () => {
    for (const kind of ["basic", "cloze"]) {
      const answer = state({ kind, phase: "answer", proposed: null });
      expect(reviewKeyAction(press("Enter"), body, answer)).toEqual({ type: "rate", rating: 3 });
      // On a rating button, Enter presses that button.
      expect(
        reviewKeyAction(press("Enter"), { typing: false, activatable: true }, answer),
      ).toBeNull();
    }
  });

  it("Space/Enter reveal a card, or go to an exercise's answer box", () => {
    expect(reviewKeyAction(press(" "), body, state())).toEqual({ type: "reveal" });
    expect(reviewKeyAction(press("Enter"), body, state({ kind: "exercise" }))).toEqual({
      type: "focusAnswer",
    });
    // On a button, Space and Enter press the button.
    expect(reviewKeyAction(press(" "), { typing: false, activatable: true }, state())).toBeNull();
  });

  it("with the overlay open, only Esc and ? do something (close it)", () => {
    const s = state({ helpOpen: true, phase: "answer" });
    expect(reviewKeyAction(press("Escape"), body, s)).toEqual({ type: "closeHelp" });
    expect(reviewKeyAction(press("?"), body, s)).toEqual({ type: "closeHelp" });
    expect(reviewKeyAction(press("3"), body, s)).toBeNull();
  });
});

describe("e (edit) for a learner", () => {
  it("says they cannot edit instead of doing nothing", () => {
    expect(reviewKeyAction(press("e"), body, state({ canEdit: false }))).toEqual({
      type: "cannotEdit",
    });
    expect(reviewKeyAction(press("e"), body, state({ canEdit: true }))).toEqual({ type: "edit" });
    // In the answer box `e` is a letter.
    expect(reviewKeyAction(press("e"), box, state({ kind: "exercise" }))).toBeNull();
  });

  it("is not in the key map the overlay shows a learner; an author sees it", () => {
    expect(keyMapFor({ canEdit: false }).map((k) => k.action)).not.toContain("keyEdit");
    expect(keyMapFor({ canEdit: true }).map((k) => k.action)).toContain("keyEdit");
    expect(keyMapFor({ canEdit: false })).toHaveLength(KEY_MAP.length - 1);
  });
});
