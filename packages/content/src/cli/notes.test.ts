import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ZNoteImport } from "../notes/schema.ts";
import { runNotesCli } from "./notes.ts";

const fixtures = join(import.meta.dirname, "../notes/fixtures");

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runNotesCli(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("notes CLI", () => {
  it("check prints cards by kind, warnings with file:line, and exits 0", () => {
    const file = join(fixtures, "day-optimization.md");
    const { code, out } = run(["check", file]);
    expect(code).toBe(0);
    expect(out).toContain("cards: 16 (basic 13, cloze 1, listRecall 2, exercise 0)");
    expect(out).toContain(`warning ${file}:29 [image-missing]`);
  });

  it("check prints flagged cards by flag and skipped items by reason", () => {
    const { out } = run(["check", join(fixtures, "real-notes")]);
    expect(out).toMatch(/flagged: \d+ \(.*example-specific \d+/);
    expect(out).toMatch(/skipped by reason: .*non-study-section 2/);
  });

  it("exits 1 when a file has errors and names file:line", () => {
    const file = join(fixtures, "bad-exercise.md");
    const { code, out } = run(["check", file]);
    expect(code).toBe(1);
    expect(out).toContain(`error   ${file}:3 [exercise-unknown-generator]`);
  });

  it("--json prints results matching the exported schema", () => {
    const { code, out } = run(["check", "--json", join(fixtures, "authoring-syntax.md")]);
    expect(code).toBe(0);
    const raw = JSON.parse(out) as { cards: { flags?: unknown }[] }[];
    // Every card carries its flags in the JSON itself (explicit cards: none).
    expect(raw[0]?.cards.every((c) => Array.isArray(c.flags) && c.flags.length === 0)).toBe(true);
    const parsed = ZNoteImport.array().parse(raw);
    expect(parsed[0]?.cards).toHaveLength(11);
  });

  it("exits 2 on usage errors", () => {
    expect(run([]).code).toBe(2);
    expect(run(["check"]).code).toBe(2);
    expect(run(["check", "--nope", "x.md"]).code).toBe(2);
    expect(run(["check", "does/not/exist.md"]).code).toBe(2);
  });
});
