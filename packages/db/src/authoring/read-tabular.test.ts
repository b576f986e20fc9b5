import { describe, expect, it } from "vitest";
import { cardsFromFields } from "./card-from-fields.ts";
import { readAnkiText, readCsv, splitDelimited, tabularToNote } from "./read-tabular.ts";

const ANKI = [
  "#separator:tab",
  "#html:true",
  "#columns:Guid\tFront\tBack\tTags",
  "#guid column:1",
  "#tags column:4",
  "a1\tWhat is \\(3 \\times 3\\)?\t<b>9</b><br>nine\tmath basics",
  'b2\t"multi\nline"\tback\t',
  "c3\tThe {{c1::ReLU}} is {{c2::max(0,x)}}\t\tact",
].join("\n");

describe("Anki plain text", () => {
  it("reads the headers, quoted multi-line fields and line numbers", () => {
    const t = readAnkiText(ANKI);
    expect(t.html).toBe(true);
    expect(t.columns).toEqual(["Guid", "Front", "Back", "Tags"]);
    expect(t.hints).toEqual({ guid: 0, tags: 3 });
    expect(t.rows.map((r) => r.line)).toEqual([6, 7, 9]);
    expect(t.rows[1]?.cells[1]).toBe("multi\nline");
  });

  it("makes basic and cloze cards with math, HTML converted and GUID-stable ids", () => {
    const table = readAnkiText(ANKI);
    const { note, errors } = tabularToNote({
      file: "deck.txt",
      table,
      mapping: { front: 1, back: 2, tags: 3, guid: 0 },
    });
    expect(errors).toEqual([]);
    expect(note.cards.map((c) => c.kind)).toEqual(["basic", "basic", "cloze", "cloze"]);
    const first = note.cards[0]?.content as { front: string; back: string } | undefined;
    expect(first?.front).toBe("What is $3 \\times 3$?");
    expect(first?.back).toBe("**9**\nnine");
    expect(note.cards[0]?.tags).toEqual(["math", "basics"]);
    // Editing the front keeps the id when a GUID column is mapped.
    const edited = readAnkiText(ANKI.replace("What is", "Compute"));
    const again = tabularToNote({
      file: "deck.txt",
      table: edited,
      mapping: { front: 1, back: 2, tags: 3, guid: 0 },
    });
    expect(again.note.cards[0]?.key).toBe(note.cards[0]?.key);
    expect(again.note.cards[0]?.contentHash).not.toBe(note.cards[0]?.contentHash);
  });

  it("reports a bad row with file and line and keeps the others", () => {
    const table = readAnkiText("#separator:comma\nok,fine\n,no front\nbad $\\frac{1}$,x");
    const { note, errors } = tabularToNote({
      file: "x.txt",
      table,
      mapping: { front: 0, back: 1 },
    });
    expect(note.cards).toHaveLength(1);
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ["x.txt", 3],
      ["x.txt", 4],
    ]);
    expect(errors[1]?.message).toMatch(/math/);
  });
});

describe("CSV", () => {
  it("guesses the separator and uses the header row as column names", () => {
    const t = readCsv('질문;답;태그\r\n"합성곱; 정의";정의입니다;cnn\r\n', { header: true });
    expect(t.columns).toEqual(["질문", "답", "태그"]);
    expect(t.rows[0]?.cells).toEqual(["합성곱; 정의", "정의입니다", "cnn"]);
    expect(t.rows[0]?.line).toBe(2);
  });

  it("refuses an unclosed quote with its line", () => {
    expect(() => splitDelimited('a,b\n"c,d\n', ",")).toThrow(/line 2/);
  });
});

describe("editor cards", () => {
  it("names the field of an error", () => {
    expect(() =>
      cardsFromFields({ fields: { kind: "basic", front: "", back: "x", tags: "" } }),
    ).toThrow(expect.objectContaining({ field: "front" }));
    expect(() =>
      cardsFromFields({ fields: { kind: "exercise", generator: "nope", params: "", tags: "" } }),
    ).toThrow(expect.objectContaining({ field: "generator" }));
    expect(() =>
      cardsFromFields({
        fields: { kind: "listRecall", front: "Q", items: "one", ordered: false, tags: "" },
      }),
    ).toThrow(expect.objectContaining({ field: "items" }));
  });

  it("makes one cloze card per deletion with shared siblings", () => {
    const cards = cardsFromFields({
      fields: { kind: "cloze", text: "{{c1::CNN}} uses {{c2::convolution}}", tags: "" },
    });
    expect(cards).toHaveLength(2);
    expect(new Set(cards.map((c) => c.siblingKey)).size).toBe(1);
    expect((cards[0]?.content as { front: string } | undefined)?.front).toBe(
      "[…] uses convolution",
    );
  });
});
