import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown-parser.ts";
import { noteSections } from "./note-sections.ts";

const sections = (markdown: string, title?: string) =>
  noteSections(parseMarkdown(markdown), { title, source: markdown }).sections.map((s) => [
    s.context.join(" › "),
    s.text.replace(/\n/g, " / "),
    s.lineStart,
  ]);

describe("noteSections", () => {
  it("follows headings, leaving out the note's title", () => {
    const md =
      "# Day 3\n\nintro\n\n## Pooling\n\ntext a\n\n### Max\n\ntext b\n\n## Next\n\ntext c\n";
    expect(sections(md, "Day 3")).toEqual([
      ["", "intro", 1],
      ["Pooling", "text a", 5],
      ["Pooling › Max", "text b", 9],
      ["Next", "text c", 13],
    ]);
  });

  it("makes a section of a label item with content under it, but not of a sentence", () => {
    const md = [
      "## CNN",
      "",
      "* VGGNet",
      "    * $3 \\times 3$ filters",
      "* Deeper networks are hard to train.",
      "    * vanishing gradients",
      "* plain point",
    ].join("\n");
    expect(sections(md)).toEqual([
      ["CNN", "Deeper networks are hard to train. / vanishing gradients / plain point", 1],
      ["CNN › VGGNet", "VGGNet / $3 \\times 3$ filters", 3],
    ]);
  });

  it("uses bold paragraphs and one-line quotes as sibling pseudo-headings", () => {
    const md = [
      "## Detection",
      "",
      "> Fast R-CNN",
      "",
      "- RoI pooling to 7x7",
      "",
      "> Faster R-CNN",
      "",
      "- anchors",
      "",
      "**Metrics**",
      "",
      "IoU",
    ].join("\n");
    expect(sections(md)).toEqual(
      [
        ["Detection", "", 1],
        ["Detection › Fast R-CNN", "RoI pooling to 7x7", 3],
        ["Detection › Faster R-CNN", "anchors", 7],
        ["Detection › Metrics", "IoU", 11],
      ].filter(([, text]) => text !== ""),
    );
  });

  it("reads math, tables and indented code, and lists the generators of exercise blocks", () => {
    const md = [
      "## A",
      "",
      "$$",
      "O = (N - F) / S + 1",
      "$$",
      "",
      "| k | params |",
      "| - | - |",
      "| 3 | 9 |",
      "",
      "```exercise",
      "generator: conv-params",
      "```",
    ].join("\n");
    const result = noteSections(parseMarkdown(md), { source: md });
    expect(result.sections.map((s) => s.text)).toEqual([
      "$$O = (N - F) / S + 1$$\n| k | params |\n| - | - |\n| 3 | 9 |",
    ]);
    expect(result.explicitGenerators).toEqual(["conv-params"]);
  });
});
