import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note.ts";

const parse = (text: string, extra: { partial?: boolean; maxBytes?: number } = {}) =>
  parseNote({ text, file: "note.md", ...extra });
const codes = (issues: { line: number; code: string }[]) => issues.map((i) => [i.line, i.code]);

describe("parseNote on bad input: a clear error or warning with its place, never a crash", () => {
  it("malformed front matter is an error on the YAML line, and nothing is imported", () => {
    const text = "---\ntitle: ok\ntags: [a, b\n---\n\nQ::A\n";
    const result = parse(text);
    expect(result.errors.map((e) => e.code)).toContain("front-matter-invalid");
    expect(result.errors[0]?.line).toBe(3);
    expect(result.cards).toEqual([]);
  });

  it("a front matter error names the line it is on, not the first YAML line", () => {
    const text = "---\ntitle: ok\na: 1\nb: 2\na: 3\n---\n\nQ::A\n";
    expect(codes(parse(text).errors)).toEqual([[5, "front-matter-invalid"]]);
  });

  it("a $ that opens math never closed is a warning on its line; a price is not", () => {
    const text = [
      "# Softmax",
      "",
      "The output is $\\frac{1}{2} and more text",
      "",
      "A price of $5 is fine.",
      "",
      "Inline $x^2$ works.",
      "",
      "line with $$ x^2",
      "",
    ].join("\n");
    const result = parse(text);
    expect(codes(result.warnings)).toEqual([
      [3, "math-unclosed"],
      [9, "math-unclosed"],
    ]);
    expect(result.warnings[0]?.message).toContain('"$\\frac{1}{2} and more text"');
  });

  it("front matter that is not a mapping is an error", () => {
    expect(codes(parse("---\n- a\n- b\n---\nQ::A\n").errors)).toEqual([
      [2, "front-matter-invalid"],
    ]);
  });

  it("front matter that is never closed is an error on line 1", () => {
    const result = parse("---\ntitle: x\n\nQ::A\n");
    expect(codes(result.errors)).toEqual([[1, "front-matter-unclosed"]]);
  });

  it("an unclosed {{c1:: cloze is an error on its line", () => {
    const result = parse("# T\n\nline one\nThe {{c1::answer is never closed\n");
    expect(codes(result.errors)).toEqual([[4, "cloze-unclosed"]]);
  });

  it("an unclosed ==highlight is a warning, and `==>` is not a cloze", () => {
    const result = parse("# T\n\nA ==half highlight\n\nWhy? ==> because\n");
    expect(codes(result.warnings)).toEqual([[3, "cloze-unclosed"]]);
    expect(result.cards.map((c) => c.kind)).toEqual(["basic"]);
  });

  it("invalid math is an error naming file and line; nothing is imported unless asked", () => {
    const text = "# Math\n\nOK::$x^2$\n\nBad::$\\frac{1}{$\n\n$$\n\\sqrt{\n$$\n";
    const result = parse(text);
    expect(result.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ["note.md", 5, "math-invalid"],
      ["note.md", 7, "math-invalid"],
    ]);
    expect(result.errors[0]?.message).toContain("\\frac{1}{");
    expect(result.cards).toEqual([]);
    const partial = parse(text, { partial: true });
    expect(partial.cards.map((c) => (c.kind === "basic" ? c.front : ""))).toEqual([
      "OK",
      "Bad",
      // A section whose only content is a formula asks for it.
      "Formula: Math",
    ]);
  });

  it("an empty file is a warning", () => {
    expect(codes(parse("").warnings)).toEqual([[1, "note-empty"]]);
    expect(codes(parse(" \n\n\t\n").warnings)).toEqual([[1, "note-empty"]]);
  });

  it("a binary file is an error", () => {
    const binary = `\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR${"\u0000".repeat(20)}`;
    const result = parse(binary);
    expect(result.errors.map((e) => e.code)).toEqual(["note-binary"]);
    expect(result.cards).toEqual([]);
  });

  it("a 10 MB file is refused quickly with an error", () => {
    const big = "* item::answer\n".repeat(Math.ceil((10 * 1024 * 1024) / 15));
    const started = performance.now();
    const result = parse(big);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(codes(result.errors)).toEqual([[1, "note-too-large"]]);
    expect(result.errors[0]?.message).toMatch(/10\.0 MB/);
  });

  it("deeply nested lists give a warning and cards from the readable levels", () => {
    const depth = 200;
    const started = performance.now();
    const lines = Array.from(
      { length: depth },
      (_, i) => `${"    ".repeat(i)}* Level ${i}::deep ${i}`,
    );
    const result = parse(`# Deep\n\n${lines.join("\n\n")}\n`);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain("list-too-deep");
    // Indentation past the limit is read at the limit, so the explicit cards all survive.
    expect(result.warnings.find((w) => w.code === "list-too-deep")?.line).toBe(25);
    expect(result.cards).toHaveLength(depth);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("mixed tabs and spaces are a warning on each line", () => {
    const text =
      "# T\n\n* Pooling layers\n \t* Max pooling\n\t * Average pooling\n    * Min pooling\n";
    const result = parse(text);
    expect(codes(result.warnings)).toEqual([
      [4, "indent-mixed"],
      [5, "indent-mixed"],
    ]);
  });

  it("Windows line endings and a byte-order mark are read like plain newlines", () => {
    const result = parse("\uFEFF# T\r\n\r\nQ::A\r\n");
    expect(
      result.cards.map((c) => (c.kind === "basic" ? [c.front, c.back, c.source.lineStart] : [])),
    ).toEqual([["Q", "A", 3]]);
  });

  it("a card side left empty is a warning, not a card", () => {
    expect(codes(parse("# T\n\nQ::\n").warnings)).toEqual([[3, "card-side-empty"]]);
  });

  it("a repeated ^anchor is an error", () => {
    const result = parse("# T\n\nA::1 ^same\n\nB::2 ^same\n");
    expect(codes(result.errors)).toEqual([[5, "anchor-duplicate"]]);
  });
});
