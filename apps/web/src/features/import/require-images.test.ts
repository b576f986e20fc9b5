import { describe, expect, it } from "vitest";
import { requireImagesOrConsent } from "./require-images";

describe("publishing with missing images", () => {
  const missingImages = [{ path: "img/a.png" }, { path: "/assets/b.png" }, { path: "img/a.png" }];
  it("is refused, naming each missing image once", () => {
    expect(() => requireImagesOrConsent({ missingImages, allowMissingImages: false })).toThrow(
      "images: the notes show 2 image(s) that are not in the upload (img/a.png, /assets/b.png)",
    );
  });
  it("is allowed once confirmed, or when nothing is missing", () => {
    expect(() => requireImagesOrConsent({ missingImages, allowMissingImages: true })).not.toThrow();
    expect(() =>
      requireImagesOrConsent({ missingImages: [], allowMissingImages: false }),
    ).not.toThrow();
  });
});
