import { describe, expect, it } from "vitest";
import { toGoldenCard } from "./golden-card.ts";
import { parse } from "./note-test-helpers.ts";
import { parseNote } from "./parse-note.ts";

const basics = (text: string) =>
  parse(text).cards.flatMap((c) => (c.kind === "basic" ? [[c.front, c.back]] : []));

describe("quotes and callouts of several lines", () => {
  it("shows no `>` of the quote on a card made from its second line", () => {
    const text =
      "## Faster R-CNN\n\n> [!TIP]\n> RPN의 출력: anchor마다 objectness 2k개, box 4k개\n";
    const result = parse(text);
    expect(basics(text)).toEqual([["RPN의 출력", "anchor마다 objectness 2k개, box 4k개"]]);
    // The bare `[!TIP]` marker is neither a card nor a skipped statement.
    expect(result.skipped).toEqual([]);
  });

  it("reads a question and its answer quoted on two lines as one card", () => {
    const text = [
      "## Detection",
      "",
      "> 질문: 1-stage detector와 2-stage detector의 차이는?",
      "> 답: 2-stage는 region proposal과 분류를 나눠서 한다.",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      [
        "Detection: 1-stage detector와 2-stage detector의 차이는?",
        "2-stage는 region proposal과 분류를 나눠서 한다.",
      ],
    ]);
  });

  it("makes no cloze of a sentence about 'this note' ('이 노트는 …', '해당 …')", () => {
    const text = [
      "# Detection",
      "",
      "> [!NOTE]",
      "> 이 노트는 강의 7강 내용을 정리한 것입니다.",
      "",
      "해당 모델은 2015년에 발표된 모델이다.",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.cards.filter((c) => c.kind === "cloze")).toEqual([]);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([[4, "non-study-section"]]);
    // The sentence that leans on the note stays in the section's card, flagged as a fragment.
    expect(result.cards.map((c) => [c.kind, c.flags])).toEqual([["basic", ["fragment"]]]);
  });

  it("reads a titled callout's `term: …` lines as cards and its other lines as its card", () => {
    const text = [
      "## Normalization",
      "",
      "> [!NOTE] Layer Norm",
      "> 샘플 단위로 $x$를 정규화한다.",
      "> 장점: 배치 크기와 무관 단점: CNN에서 효과가 적음",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      ["Explain: Layer Norm", "샘플 단위로 $x$를 정규화한다."],
      ["Layer Norm: 장점", "배치 크기와 무관"],
      ["Layer Norm: 단점", "CNN에서 효과가 적음"],
    ]);
  });

  it("adds a plain quote's lines to its section's card; a callout stays apart", () => {
    const text = [
      "## LSTM",
      "",
      "LSTM은 cell state로 long-term dependency 문제를 해결한다.",
      "",
      "> LSTM의 gate는 3개 (forget, input, output)",
      "",
      "> [!WARNING]",
      "> 긴 시퀀스에서는 여전히 느리다.",
      "",
    ].join("\n");
    const result = parse(text);
    expect(basics(text)).toEqual([
      [
        "Explain: LSTM",
        "LSTM은 cell state로 long-term dependency 문제를 해결한다.\n\nLSTM의 gate는 3개 (forget, input, output)",
      ],
      // The caution is a fact about LSTM of its own, asked with its section.
      ["LSTM: Warning", "긴 시퀀스에서는 여전히 느리다."],
    ]);
    expect(result.skipped).toEqual([]);
  });
});

describe("untitled cautions (`> [!WARNING]`, `> [!CAUTION]`, `> [!IMPORTANT]`)", () => {
  it("asks a checkable sentence with its section; its term lines stay under the section", () => {
    const text = [
      "## Batch Normalization",
      "",
      "> [!CAUTION]",
      "> Inference 때는 batch 통계 대신 running mean $\\mu$와 running variance $\\sigma^2$를 쓴다.",
      "",
      "> [!IMPORTANT]",
      "> momentum: running 통계를 갱신하는 비율 (PyTorch 기본값 0.1)",
      "",
    ].join("\n");
    const result = parse(text);
    expect(
      result.cards.flatMap((c) => (c.kind === "basic" ? [[c.front, c.back, c.context]] : [])),
    ).toEqual([
      [
        "Batch Normalization: Caution",
        "Inference 때는 batch 통계 대신 running mean $\\mu$와 running variance $\\sigma^2$를 쓴다.",
        ["Batch Normalization", "Caution"],
      ],
      ["momentum", "running 통계를 갱신하는 비율 (PyTorch 기본값 0.1)", ["Batch Normalization"]],
    ]);
  });

  it("still skips what states nothing checkable, and a [!NOTE] or [!TIP] remark", () => {
    const text = [
      "## Dropout",
      "",
      "> [!WARNING]",
      "> 자세한 건 아래 참고.",
      "",
      "> [!WARNING]",
      "> 이것은 시험에 나온다.",
      "",
      "> [!DANGER]",
      "> 왜 test 때는 끌까?",
      "",
      "> [!NOTE]",
      "> 이 부분은 다음 강의에서 더 다룬다.",
      "",
      "> [!TIP]",
      "> 처음에는 p = 0.5로 시작한다.",
      "",
    ].join("\n");
    const result = parse(text);
    expect(result.cards).toEqual([]);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, "plain-statement"],
      [7, "plain-statement"],
      [10, "question-without-answer"],
      [13, "plain-statement"],
      [16, "plain-statement"],
    ]);
  });

  it("asks nothing outside a section (a bare 'Warning' front would not stand alone)", () => {
    const text = "> [!WARNING]\n> learning rate가 너무 크면 loss가 발산한다.\n";
    expect(parse(text).cards).toEqual([]);
  });
});

describe("an untitled callout whose text holds a highlight cloze", () => {
  it("makes the cloze of its text, without the callout's marker", () => {
    const result = parseNote({
      text: "## Normalization\n\n> [!summary]\n> 각 normalization은 ==통계를 내는 축==이 다르다.\n",
      file: "t.md",
      resolveImage: () => false,
    });
    expect(result.cards.map((c) => [c.source.lineStart, toGoldenCard(c).front])).toEqual([
      [4, "각 normalization은 […]이 다르다."],
    ]);
  });
});
