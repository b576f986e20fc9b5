import { parseNote } from "@strides/content";
import { noteImportToSyncNote } from "@strides/db";
import { describe, expect, it } from "vitest";
import { renderImportPreview } from "./render-import-preview";
import { rewriteNoteImages } from "./rewrite-image-urls";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const NOTE = "# CNN\n\n## Size\n\nOutput size::$\\frac{W-K}{S}+1$ ![conv](img/c.png)\n";

describe("the import preview's cards", () => {
  it("render math and show uploaded images inline, with the editable text", async () => {
    const assets = new Set(["img/c.png"]);
    const parsed = parseNote({ text: NOTE, file: "cnn.md", resolveImage: (p) => assets.has(p) });
    const note = rewriteNoteImages(noteImportToSyncNote(parsed, NOTE), "d", assets);
    // The note's formula also gets a proposed exercise card; this test is about the basic card.
    const card = note.cards.find((c) => c.kind === "basic");
    if (!card) throw new Error("no basic card");
    const preview = { added: [], changed: [], unchanged: [], retired: [], rejected: [] };
    const item = { key: card.key, kind: card.kind, text: "", file: "cnn.md", line: 5, flags: [] };
    const out = await renderImportPreview(
      { ...preview, added: [{ ...item, content: card.content }] },
      [{ path: "img/c.png", data: PNG }],
    );
    const [rendered] = out.added;
    expect(rendered?.frontHtml).toContain("Output size");
    expect(rendered?.backHtml).toContain('class="katex"');
    expect(rendered?.backHtml).toContain('src="data:image/png;base64,');
    expect(rendered?.editable).toEqual({
      front: "Output size",
      back: "$\\frac{W-K}{S}+1$ ![conv](/decks/d/assets/img/c.png)",
    });
  });

  it("shows a proposed exercise as one variant with its answer, not its generator's ranges", async () => {
    const parsed = parseNote({ text: NOTE, file: "cnn.md", resolveImage: () => false });
    const note = noteImportToSyncNote(parsed, NOTE);
    const card = note.cards.find((c) => c.kind === "exercise");
    if (!card) throw new Error("no proposed exercise");
    const preview = { added: [], changed: [], unchanged: [], retired: [], rejected: [] };
    const item = { key: card.key, kind: card.kind, text: "", file: "cnn.md", line: 5, flags: [] };
    const [rendered] = (
      await renderImportPreview({ ...preview, added: [{ ...item, content: card.content }] }, [])
    ).added;
    expect(rendered?.backHtml).toMatch(/Answer:<\/strong> \S/);
    expect(rendered?.backHtml).not.toContain("{&quot;");
    // In the page's language, as learners get it, whatever the note's language.
    const [korean] = (
      await renderImportPreview(
        { ...preview, added: [{ ...item, content: card.content }] },
        [],
        "ko",
      )
    ).added;
    expect(korean?.backHtml).toMatch(/정답:<\/strong> \S/);
  });

  it("takes turns with the event loop while it renders thousands of cards", async () => {
    const parsed = parseNote({ text: NOTE, file: "cnn.md", resolveImage: () => false });
    const card = noteImportToSyncNote(parsed, NOTE).cards.find((c) => c.kind === "basic");
    if (!card) throw new Error("no basic card");
    const added = Array.from({ length: 3000 }, (_, i) => ({
      key: `${card.key}-${i}`,
      kind: card.kind,
      text: "",
      file: "cnn.md",
      line: 5,
      flags: [],
      content: card.content,
    }));
    const preview = { added, changed: [], unchanged: [], retired: [], rejected: [] };
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 5);
    try {
      expect((await renderImportPreview(preview)).added).toHaveLength(3000);
    } finally {
      clearInterval(timer);
    }
    // A 5-ms timer fired again and again while it rendered: the rendering is not one block. How
    // long its stretches are is a figure for the bench, not a unit test on a loaded machine.
    expect(ticks).toBeGreaterThan(10);
  });
});
