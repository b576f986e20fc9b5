import { isAppError } from "@strides/content";
import { describe, expect, it } from "vitest";
import { cardsFromFields } from "./card-from-fields.ts";

describe("editor fields with math KaTeX refuses", () => {
  it("name the field and carry the fragment, so a page can say the problem in its language", () => {
    let error: unknown;
    try {
      cardsFromFields({
        fields: { kind: "basic", front: "Size?", back: "$$\\fraq{W}{S}$$", tags: "" },
      });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error)).toBe(true);
    if (!isAppError(error)) return;
    expect(error.field).toBe("back");
    expect(error.key).toBe("mathInvalid");
    expect(error.params).toMatchObject({ field: "back", tex: "\\fraq{W}{S}", display: 1 });
  });
});
