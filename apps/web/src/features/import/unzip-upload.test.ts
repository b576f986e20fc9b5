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

  it("stops a zip bomb whose listed sizes were rewritten, counting the bytes it inflates", async () => {
    // 64 MB of zeros deflate to ~64 KB; the zip then claims the file holds 10 bytes.
    const zip = zipSync({ "a.md": strToU8("# A\n"), "bomb.md": new Uint8Array(64 << 20) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let rewritten = 0;
    for (let i = 0; i + 30 < zip.length; i++) {
      const sig = view.getUint32(i, true);
      // Local header: uncompressed size at +22; central directory entry: at +24.
      const at = sig === 0x04034b50 ? i + 22 : sig === 0x02014b50 ? i + 24 : -1;
      if (at >= 0 && view.getUint32(at, true) === 64 << 20) {
        view.setUint32(at, 10, true);
        rewritten++;
      }
    }
    expect(rewritten).toBe(2);
    await expect(expandUpload([{ name: "bomb.zip", data: zip }])).rejects.toThrow(
      /bomb\.md inflates to more than the 10 bytes its zip lists/,
    );
  });

  it("refuses what is not a zip", async () => {
    await expect(expandUpload([{ name: "a.zip", data: strToU8("not a zip") }])).rejects.toThrow();
  });
});
