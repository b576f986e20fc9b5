import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { expandUpload, MAX_FILES } from "./unzip-upload";

describe("unzipping an upload", () => {
  it("replaces each zip by its files, in order, leaving folders and macOS metadata out", async () => {
    // Bigger than one inflate slice (2 MB), so the entries are inflated in several passes.
    const big = new Uint8Array(3 * 1024 * 1024).fill(65);
    const zip = zipSync({
      "notes/": new Uint8Array(0),
      "notes/a.md": strToU8("# A\n"),
      "notes/big.md": big,
      "notes/b.md": strToU8("# B\n"),
      "__MACOSX/notes/._a.md": strToU8("x"),
    });
    const files = await expandUpload([
      { name: "x.md", data: strToU8("# X\n") },
      { name: "deck.ZIP", data: zip },
    ]);
    expect(files.map((f) => [f.name, f.data.byteLength])).toEqual([
      ["x.md", 4],
      ["notes/a.md", 4],
      ["notes/big.md", big.byteLength],
      ["notes/b.md", 4],
    ]);
    expect(files[2]?.data.every((b) => b === 65)).toBe(true);
  });

  it("refuses more files than the limit before inflating any", async () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_FILES + 1 }, (_, i) => [`n${i}.md`, strToU8("# N\n")]),
    );
    await expect(expandUpload([{ name: "many.zip", data: zipSync(many) }])).rejects.toThrow(
      /more than 2000 files/,
    );
  });

  it("refuses what is not a zip", async () => {
    await expect(expandUpload([{ name: "a.zip", data: strToU8("not a zip") }])).rejects.toThrow();
  });
});
