import { describe, expect, it } from "vitest";
import { findDeckAsset, rewriteMarkdownImages } from "./rewrite-image-urls";

describe("image URLs of imported cards", () => {
  it("points images of the upload at the deck's assets and leaves others alone", () => {
    const assets = new Set(["notes/img/conv 1.png", "shared/a.png"]);
    const out = rewriteMarkdownImages({
      markdown:
        'See ![conv](img/conv%201.png "title") and ![a](../shared/a.png), ![x](https://e.org/x.png), ![m](missing.png)',
      notePath: "notes/cnn.md",
      deckSlug: "cnn",
      assets,
    });
    expect(out).toBe(
      'See ![conv](/decks/cnn/assets/notes/img/conv%201.png "title") and ![a](/decks/cnn/assets/shared/a.png), ![x](https://e.org/x.png), ![m](missing.png)',
    );
  });

  it("resolves a site-root path against the uploaded folder", () => {
    const assets = new Set(["blog/assets/img/a.png", "x/blog/assets/img/a.png", "b.png"]);
    expect(findDeckAsset("/assets/img/a.png", assets)).toBe("blog/assets/img/a.png");
    expect(findDeckAsset("/b.png", assets)).toBe("b.png");
    expect(findDeckAsset("/assets/img/c.png", assets)).toBeUndefined();
    expect(findDeckAsset("img/a.png", assets)).toBeUndefined();
  });
});
