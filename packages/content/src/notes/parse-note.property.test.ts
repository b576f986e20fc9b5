import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { parseNote } from "./parse-note.ts";
import { ZNoteImport } from "./schema.ts";

/** Pieces of note syntax, so generated text often looks like a real (or half-broken) note. */
const fragment = fc.constantFrom(
  "---\n",
  "title: x\n",
  "# Heading\n",
  "## 여러가지 CNN\n",
  "* ",
  "    * ",
  "        ",
  "\t",
  "1. ",
  "::",
  ":::",
  " : ",
  "==",
  "==>",
  "{{c1::",
  "}}",
  "?\n",
  "??\n",
  "$",
  "$$\n",
  "\\frac{",
  "```exercise\ngenerator: conv-output-shape\n",
  "```\n",
  "![img](./a.png)",
  "<br/>",
  "**bold**",
  " ^anchor-1",
  "합성곱",
  "AlexNet",
  "\n",
  "\n\n",
  "\u0000",
  "\r\n",
);
const noteText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc
    .array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 60 })
    .map((parts) => parts.join("")),
);

describe("parseNote properties", () => {
  it("never throws anything but AppError, and its result always matches the schema", () => {
    fc.assert(
      fc.property(noteText, fc.boolean(), (text, partial) => {
        try {
          const result = parseNote({ text, file: "p.md", partial, resolveImage: () => false });
          ZNoteImport.parse(result);
          if (!partial && result.errors.length > 0) expect(result.cards).toEqual([]);
          for (const issue of [...result.errors, ...result.warnings]) {
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length + 1);
          }
        } catch (error) {
          if (!isAppError(error)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same text gives the same cards and ids", () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const a = parseNote({ text, file: "p.md", partial: true });
        const b = parseNote({ text, file: "p.md", partial: true });
        expect(b).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("ids are unique within a note", () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const { cards } = parseNote({ text, file: "p.md", partial: true });
        expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
      }),
      { numRuns: 200 },
    );
  });
});
