import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_UNZIPPED_BYTES, readImportFiles, readUpload } from "./read-import-files";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const NOTE = "# CNN\n\n## Layers\n\nConv::![kernel](img/k.png) slides a kernel.\n";

describe("reading an upload", () => {
  it("unzips notes and images and resolves the images", async () => {
    const zip = zipSync({ "notes/cnn.md": strToU8(NOTE), "notes/img/k.png": PNG });
    const r = await readImportFiles({
      files: [{ name: "deck.zip", data: zip }],
      mappings: {},
      existingAssets: [],
    });
    expect(r.errors).toEqual([]);
    expect(r.assets.map((a) => a.path)).toEqual(["notes/img/k.png"]);
    expect(r.notes.map((n) => [n.path, n.cards.length])).toEqual([["notes/cnn.md", 1]]);
  });

  it("stores notes and images under normalised paths, refusing '..' and absolute ones", async () => {
    const plain = strToU8(NOTE.replace("![kernel](img/k.png) ", ""));
    const r = await readImportFiles({
      files: [
        { name: "./notes/./a.md", data: plain },
        { name: "../../x.md", data: plain },
        { name: "/etc/y.md", data: plain },
        { name: "../img/k.png", data: PNG },
      ],
      mappings: {},
      existingAssets: [],
    });
    expect(r.notes.map((n) => n.path)).toEqual(["notes/a.md"]);
    expect(r.assets).toEqual([]);
    expect(r.errors.map((e) => e.file).sort()).toEqual(["../../x.md", "../img/k.png", "/etc/y.md"]);
    expect(r.errors.every((e) => e.message.includes("not a valid file path"))).toBe(true);
  });

  it("reports errors with file and line and keeps broken notes out", async () => {
    const r = await readImportFiles({
      files: [
        { name: "bad.md", data: strToU8("# T\n\nok::fine\n\nbroken::$\\frac{1}$\n") },
        { name: "good.md", data: strToU8(NOTE.replace("![kernel](img/k.png) ", "")) },
      ],
      mappings: {},
      existingAssets: [],
    });
    expect(r.errors).toEqual([expect.objectContaining({ file: "bad.md", line: 5 })]);
    expect(r.notes.map((n) => n.path)).toEqual(["good.md"]);
  });

  it("asks for a column mapping for tables, then makes cards", async () => {
    const anki = strToU8(
      "#separator:tab\n#html:false\n#tags column:3\nStride\tStep of the kernel\tcnn\n",
    );
    const first = await readImportFiles({
      files: [{ name: "anki.txt", data: anki }],
      mappings: {},
      existingAssets: [],
    });
    expect(first.notes).toEqual([]);
    expect(first.tables[0]).toMatchObject({
      file: "anki.txt",
      format: "anki",
      suggested: { front: 0, back: 1, tags: 2 },
    });
    const second = await readImportFiles({
      files: [{ name: "anki.txt", data: anki }],
      mappings: { "anki.txt": { front: 0, back: 1, tags: 2 } },
      existingAssets: [],
    });
    expect(second.errors).toEqual([]);
    expect(second.notes[0]?.cards.map((c) => c.tags)).toEqual([["cnn"]]);
    const csv = await readImportFiles({
      files: [{ name: "deck.csv", data: strToU8("front,back\n합성곱,convolution\n") }],
      mappings: { "deck.csv": { front: 0, back: 1, header: true } },
      existingAssets: [],
    });
    expect(csv.notes[0]?.cards).toHaveLength(1);
  });

  it("refuses a zip that would unzip too large, before inflating it", async () => {
    const big = new Uint8Array(MAX_UNZIPPED_BYTES + 1);
    const zip = zipSync({ "big.md": big }, { level: 9 });
    const r = await readImportFiles({
      files: [{ name: "bomb.zip", data: zip }],
      mappings: {},
      existingAssets: [],
    });
    expect(r.errors[0]?.message).toMatch(/once unzipped/);
  });

  it("refuses images that are not images", async () => {
    const r = await readImportFiles({
      files: [{ name: "x.png", data: strToU8("<svg/>") }],
      mappings: {},
      existingAssets: [],
    });
    expect(r.assets).toEqual([]);
    expect(r.errors).toEqual([expect.objectContaining({ file: "x.png", line: null })]);
  });

  it("refuses an upload past the limit even without Content-Length (chunked)", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(4096)]), "big.md");
    const multipart = new Response(form);
    const type = multipart.headers.get("content-type") ?? "";
    const bytes = new Uint8Array(await multipart.arrayBuffer());
    // Streamed in 512-byte chunks with no Content-Length, as a chunked request arrives.
    const chunked = () =>
      new Request("http://localhost/import", {
        method: "POST",
        headers: { "content-type": type },
        body: new ReadableStream<Uint8Array>({
          start(c) {
            for (let i = 0; i < bytes.length; i += 512) c.enqueue(bytes.slice(i, i + 512));
            c.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    expect(chunked().headers.get("content-length")).toBeNull();
    await expect(readUpload(chunked(), { maxBytes: 1024 })).rejects.toMatchObject({
      code: "TOO_LARGE",
      httpStatus: 413,
      field: "files",
      message: "files: the upload is larger than 1024 bytes",
      key: "tooLarge",
    });
    // Announced by Content-Length: refused before anything is read.
    const announced = new Request("http://localhost/import", {
      method: "POST",
      headers: { "content-type": type, "content-length": String(60 * 1024 * 1024) },
      body: bytes,
    });
    await expect(readUpload(announced)).rejects.toMatchObject({
      httpStatus: 413,
      message: "files: the upload is larger than 50 MB",
    });
    const ok = await readUpload(chunked(), { maxBytes: 8192 });
    expect(ok.files.map((f) => [f.name, f.data.length])).toEqual([["big.md", 4096]]);
  });
});

describe("images and tags that come along", () => {
  const JEKYLL = [
    "---",
    "tags: blog jekyll cnn",
    "---",
    "# CNN",
    "",
    "## Layers",
    "",
    "Conv::![kernel]({{ site.baseurl }}/assets/img/k.png) slides a kernel.",
    "",
    'Pool::![pool]({{ "/assets/img/p.png" | relative_url }}) takes the max.',
    "",
  ].join("\n");

  it("names each image a single note shows that is not in the upload", async () => {
    const r = await readImportFiles({
      files: [{ name: "_posts/cnn.md", data: strToU8(JEKYLL) }],
      mappings: {},
      existingAssets: [],
    });
    expect(r.missingImages.map((m) => [m.file, m.line, m.path])).toEqual([
      ["_posts/cnn.md", 8, "/assets/img/k.png"],
      ["_posts/cnn.md", 10, "/assets/img/p.png"],
    ]);
    expect(r.noteTags).toEqual(["blog", "cnn", "jekyll"]);
  });

  it("resolves site-root and Liquid image paths against the uploaded folder", async () => {
    const zip = zipSync({
      "blog/_posts/cnn.md": strToU8(JEKYLL),
      "blog/assets/img/k.png": PNG,
      "blog/assets/img/p.png": PNG,
    });
    const r = await readImportFiles({
      files: [{ name: "blog.zip", data: zip }],
      mappings: {},
      existingAssets: [],
    });
    expect(r.missingImages).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it("drops and renames front-matter tags as the tags step says", async () => {
    const r = await readImportFiles({
      files: [{ name: "cnn.md", data: strToU8(JEKYLL) }],
      mappings: {},
      existingAssets: [],
      tagChoices: { drop: ["blog", "jekyll"], map: { cnn: "convnets" } },
    });
    const tags = r.notes[0]?.cards.map((c) => c.tags) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) {
      expect(t).toContain("convnets");
      expect(t).not.toContain("blog");
      expect(t).not.toContain("jekyll");
    }
  });

  it("keeps the event loop turning while it reads a big zip of notes", async () => {
    const notes: Record<string, Uint8Array> = {};
    for (let f = 0; f < 120; f++) {
      let text = `# Note ${f}\n\n## Terms\n\n`;
      for (let c = 0; c < 30; c++) text += `Term ${f}-${c} with $x_${c}^2$::Meaning ${c}.\n\n`;
      notes[`notes/n${f}.md`] = strToU8(text);
    }
    const zip = zipSync(notes);
    const read = () =>
      readImportFiles({
        files: [{ name: "big.zip", data: zip }],
        mappings: {},
        existingAssets: [],
      });
    // Warm (the note parser's first call loads its modules).
    await readImportFiles({
      files: [{ name: "a.md", data: strToU8(NOTE) }],
      mappings: {},
      existingAssets: [],
    });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 5);
    try {
      const r = await read();
      expect(r.errors).toEqual([]);
      expect(r.notes.reduce((n, note) => n + note.cards.length, 0)).toBe(120 * 30);
    } finally {
      clearInterval(timer);
    }
    // A 5-ms timer fired again and again while it read: the read is not one block. How long its
    // stretches are is a figure for the bench, not a unit test on a loaded machine.
    expect(ticks).toBeGreaterThan(10);
  });
});
