import { describe, expect, it } from "vitest";
import { normalizeNoteSource } from "./normalize-note-source.ts";
import { parseNote } from "./parse-note.ts";
import { renderMarkdownToHtml } from "./render-math.ts";

describe("normalizeNoteSource: line-preserving clean-up before parsing", () => {
  it("keeps every line number", () => {
    const text =
      '# T\n\n- a\n-\n- b\n\n<img src="x.png" alt="X">\n![a]({{ site.baseurl }}/i/a.png)\n';
    const out = normalizeNoteSource(text);
    expect(out.text.split("\n")).toHaveLength(text.split("\n").length);
  });

  it("drops empty bullets but keeps thematic breaks and setext underlines", () => {
    expect(normalizeNoteSource("- a\n-\n- b").text).toBe("- a\n\n- b");
    expect(normalizeNoteSource("text\n---\nmore").text).toBe("text\n---\nmore");
    expect(normalizeNoteSource("Title\n-\n").text).toBe("Title\n-\n");
  });

  it("turns an <img> line into a Markdown image inside the list item it sits in", () => {
    const text = '*   VGG16\n\n<img src="images/v.png" width="400">\n\n*   VGG19';
    expect(normalizeNoteSource(text).text).toBe("*   VGG16\n\n    ![](images/v.png)\n\n*   VGG19");
    expect(normalizeNoteSource('<img alt="A" src="a.png"/>').text).toBe("![A](a.png)");
  });

  it("blanks Liquid tag lines and reads {% highlight %} as a fenced code block", () => {
    expect(normalizeNoteSource("{% raw %}\n- a\n{%- endraw -%}").text).toBe("\n- a\n");
    const text = "{% highlight python %}\nx = conv(x)\n{% endhighlight %}\nafter";
    expect(normalizeNoteSource(text).text).toBe("```python\nx = conv(x)\n```\nafter");
    const cards = parseNote({
      text: `## Conv\n\n${text}\n\n{% raw %}\n- Stride: kernel이 이동하는 칸 수\n{% endraw %}\n`,
      file: "t.md",
      resolveImage: () => false,
    }).cards;
    expect(JSON.stringify(cards)).not.toMatch(/\{%|x = conv/);
    expect(cards.map((c) => ("front" in c ? c.front : c.kind))).toEqual(["Stride"]);
  });

  it("drops a Liquid prefix from image URLs, with a warning naming the line", () => {
    const out = normalizeNoteSource(
      'x\n![r]({{ site.baseurl }}/assets/r.png)\n![s]({{ "/assets/s.png" | relative_url }})',
    );
    expect(out.text).toBe("x\n![r](/assets/r.png)\n![s](/assets/s.png)");
    expect(out.issues.map((i) => [i.line, i.code])).toEqual([
      [2, "image-liquid"],
      [3, "image-liquid"],
    ]);
  });

  it("leaves fenced code alone", () => {
    const text = '```\n-\n<img src="a.png">\n```';
    expect(normalizeNoteSource(text).text).toBe(text);
  });

  it("lets parseNote see the image instead of raw Liquid text", () => {
    const result = parseNote({
      text: "## IoU\n\n- IoU : overlap over union\n\n  ![]({{ site.baseurl }}/assets/iou.png)\n",
      file: "n.md",
      resolveImage: () => false,
    });
    expect(result.warnings.map((w) => w.code)).toEqual(["image-liquid", "image-missing"]);
    const card = result.cards[0];
    expect(card?.kind === "basic" && card.extra).toBe("_(image: /assets/iou.png)_");
  });
});

describe("Obsidian wikilinks and embeds", () => {
  it("become Markdown links and images, outside code and math, line by line", () => {
    const text = [
      "관련: [[Batch Normalization]], [[Transformer#Attention|attention]]",
      "![[norm comparison.png|300]] and ![[Other note]]",
      "`x[[0]]` and $A[[i]]$ stay; [[1, 2]] is numbers",
    ].join("\n");
    expect(normalizeNoteSource(text).text.split("\n")).toEqual([
      "관련: [Batch Normalization](wikilink:Batch%20Normalization), [attention](wikilink:Transformer)",
      "![norm comparison.png](norm%20comparison.png) and [Other note](wikilink:Other%20note)",
      "`x[[0]]` and $A[[i]]$ stay; [[1, 2]] is numbers",
    ]);
  });

  it("a line of wikilinks is a link list, and a card shows a wikilink's text", () => {
    const result = parseNote({
      text: [
        "## Layer Normalization",
        "",
        "관련: [[Batch Normalization]], [[Transformer]]",
        "",
        "- batch size에 의존하지 않음 → [[Transformer]] 에서 주로 사용",
        "- 각 샘플마다 feature 차원 전체에 대해 정규화",
        "",
        "![[ln.png]]",
        "",
      ].join("\n"),
      file: "t.md",
      resolveImage: () => false,
    });
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([[3, "link-list"]]);
    const backs = result.cards.map((c) => ("back" in c ? c.back : ""));
    expect(backs.join("\n")).not.toMatch(/\[\[|\]\]/);
    expect(renderMarkdownToHtml(backs.join("\n"))).toContain("Transformer 에서 주로 사용");
  });
});
