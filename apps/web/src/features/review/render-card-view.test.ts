import { describe, expect, it } from "vitest";
import { renderCardFrontHtml, renderCardView } from "./render-card-view";

const basic = {
  id: "c_1",
  deckPath: "d",
  file: "n.md",
  source: { file: "n.md", lineStart: 1, lineEnd: 1 },
  context: ["Padding"],
  tags: [],
  lang: "ko",
  siblingKey: "s_1",
  contentHash: "h",
  origin: "extracted",
  flags: [],
  kind: "basic",
  front: "Explain: Padding",
  back: "입력 가장자리에 0을 채운다",
  direction: "forward",
};

const view = (lang: "en" | "ko") =>
  renderCardView({
    id: "c_1",
    deckId: "d_1",
    kind: "basic",
    content: basic,
    context: "Padding",
    tags: "",
    queue: "new",
    notePath: null,
    lineStart: null,
    lineEnd: null,
    intervals: [],
    exercise: null,
    editHref: null,
    lang,
  });

describe("a card's fixed words follow the page's language", () => {
  it("shows 'Explain:' on an English page and '설명:' on a Korean one, the author's words as written", () => {
    expect(view("en").frontHtml).toContain("Explain: Padding");
    expect(view("ko").frontHtml).toContain("설명: Padding");
    expect(view("ko").backHtml).toContain("입력 가장자리에 0을 채운다");
    expect(renderCardFrontHtml(basic, "ko")).toContain("설명: Padding");
  });
});
