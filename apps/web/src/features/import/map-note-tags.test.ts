import { describe, expect, it } from "vitest";
import { frontMatterTags, parseTagMapping } from "./map-note-tags";

describe("the import's tags step", () => {
  it("reads front-matter tags written as a string, a list or a list of lists", () => {
    expect(frontMatterTags({ tags: "blog jekyll, github" })).toEqual(["blog", "jekyll", "github"]);
    expect(frontMatterTags({ tags: [["cnn"], "dl", 3] })).toEqual(["cnn", "dl", "3"]);
    expect(frontMatterTags({})).toEqual([]);
  });

  it("parses from→to lines, a bare from→ drops, and names a bad line", () => {
    expect(parseTagMapping("dl→deep-learning\nblog->\n\njekyll = \nx=y")).toEqual({
      map: { dl: "deep-learning", blog: "", jekyll: "", x: "y" },
      errors: [],
    });
    expect(parseTagMapping("cnn\nok→fine").errors).toEqual([
      'line 1: expected "from→to", got "cnn"',
    ]);
  });
});
