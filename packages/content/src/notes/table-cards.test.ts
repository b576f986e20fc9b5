import { describe, expect, it } from "vitest";
import { parse } from "./note-test-helpers.ts";

const basics = (text: string) =>
  parse(text).cards.flatMap((c) =>
    c.kind === "basic" ? [{ front: c.front, back: c.back, line: c.source.lineStart }] : [],
  );

describe("cards from tables", () => {
  it("asks each filled cell by its row and column, with the section as context", () => {
    const text = [
      "## Two-stage detectors",
      "",
      "| 모델 | proposal | 속도 (s/img) |",
      "|---|---|---|",
      "| R-CNN | selective **search** | 47 |",
      "| Fast R-CNN | - | $2.3$ s/img |",
      "",
    ].join("\n");
    const result = parse(text);
    expect(basics(text)).toEqual([
      { front: "R-CNN — proposal?", back: "selective **search**", line: 5 },
      { front: "R-CNN — 속도 (s/img)?", back: "47", line: 5 },
      { front: "Fast R-CNN — 속도 (s/img)?", back: "$2.3$ s/img", line: 6 },
    ]);
    expect(result.cards.every((c) => c.context.join(" › ") === "Two-stage detectors")).toBe(true);
    // A number in a cell is the row's fact, not a value from an example.
    expect(result.cards.map((c) => c.flags ?? [])).toEqual([[], [], []]);
  });

  it("reads a table with an empty first header cell column-first", () => {
    const text = "| | ResNet | DenseNet |\n|---|---|---|\n| 연결 방식 | 덧셈 | concatenation |\n";
    expect(basics(text).map((c) => [c.front, c.back])).toEqual([
      ["ResNet — 연결 방식?", "덧셈"],
      ["DenseNet — 연결 방식?", "concatenation"],
    ]);
  });

  it("asks a two-column term table like term: explanation lines", () => {
    const text = "| 용어 | 설명 |\n|---|---|\n| RPN | anchor마다 objectness와 box 보정을 예측 |\n";
    expect(basics(text).map((c) => [c.front, c.back])).toEqual([
      ["RPN", "anchor마다 objectness와 box 보정을 예측"],
    ]);
  });

  it("skips, with a reason, a table whose rows are not named once each", () => {
    const text = "| a | b |\n|---|---|\n| x | 1 |\n| x | 2 |\n";
    const result = parse(text);
    expect(result.cards).toEqual([]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ line: 1, reason: "label-without-content", text: "a | b" }),
    ]);
  });

  it("makes no card from a table in a non-study section", () => {
    const text = "**느낀 점**\n\n| 날짜 | 한 일 |\n|---|---|\n| 월 | 복습 |\n";
    expect(basics(text)).toEqual([]);
  });

  it("skips a table too big to recall cell by cell, saying so", () => {
    const rows = Array.from({ length: 31 }, (_, i) => `| layer${i} | ${i} | ${i * 2} |`);
    const result = parse(["| layer | in | out |", "|---|---|---|", ...rows, ""].join("\n"));
    expect(result.cards).toEqual([]);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([[1, "too-many-items"]]);
  });
});
