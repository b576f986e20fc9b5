import { describe, expect, it } from "vitest";
import { editedSourceOf, editOnReimport, markEdited } from "./curated-edits.ts";

const source = { contentHash: "s1", content: { front: "F", back: "B" } };
const edit = {
  contentHash: "e1",
  content: JSON.stringify(markEdited({ front: "F", back: "Mine" }, "s1")),
};

describe("editOnReimport", () => {
  it("keeps an edit while the note's card is the one edited", () => {
    expect(editedSourceOf(edit.content)).toBe("s1");
    expect(editOnReimport(edit, source)).toBe("kept");
  });

  it("lets a changed note's card, or a new edit, replace the edit", () => {
    expect(editOnReimport(edit, { contentHash: "s2", content: { front: "F", back: "New" } })).toBe(
      "replaced",
    );
    const again = { contentHash: "e2", content: markEdited({ front: "F", back: "Mine 2" }, "s1") };
    expect(editOnReimport(edit, again)).toBe("replaced");
  });

  it("leaves unedited and identical cards to the usual rule", () => {
    expect(editOnReimport({ contentHash: "s1", content: "{}" }, source)).toBeNull();
    expect(editOnReimport({ contentHash: "s0", content: "{}" }, source)).toBeNull();
    expect(editOnReimport(edit, { ...edit })).toBeNull();
    expect(editedSourceOf("not json")).toBeNull();
  });
});
