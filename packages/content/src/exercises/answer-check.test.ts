import { describe, expect, it } from "vitest";
import {
  checkAnswer,
  parseFloatAnswer,
  parseIntegerAnswer,
  parseIntegerList,
  parseShapeAnswer,
} from "./answer-check.ts";
import type { ExpectedAnswer } from "./contract.ts";

describe("answer parsing", () => {
  it.each([
    ["61,100,840", 61100840],
    ["61_100_840", 61100840],
    ["61 100 840", 61100840],
    ["$61{,}100{,}840$", 61100840],
    ["-3", -3],
  ])("reads %s as an exact integer", (text, value) => {
    expect(parseIntegerAnswer(text)).toEqual({ value });
  });

  it("reads scientific notation", () => {
    expect(parseIntegerAnswer("6.110084e7")?.value).toBe(61100840);
    expect(parseIntegerAnswer("6.110084×10^7")?.value).toBe(61100840);
    expect(parseIntegerAnswer("6.1100840e7")).toEqual({ value: 61100840 });
    expect(checkAnswer({ kind: "integer", value: 61100840 }, "6.110084e7").correct).toBe(true);
    expect(checkAnswer({ kind: "integer", value: 61100840 }, "6.11e7").correct).toBe(false);
  });

  it("reads approximations with their precision", () => {
    expect(parseIntegerAnswer("61.1M")).toEqual({ value: 61100000, halfUnit: 50000 });
    expect(parseIntegerAnswer("6.1e7")).toEqual({ value: 61000000, halfUnit: 500000 });
    expect(parseIntegerAnswer("61.1 million")).toEqual({ value: 61100000, halfUnit: 50000 });
    expect(parseIntegerAnswer("abc")).toBeNull();
    expect(parseIntegerAnswer("1,23")).toBeNull();
  });

  it.each([
    ["55x55x96", [55, 55, 96]],
    ["96×55×55", [96, 55, 55]],
    ["(96, 55, 55)", [96, 55, 55]],
    ["[1, 96, 55, 55]", [1, 96, 55, 55]],
    ["torch.Size([96, 55, 55])", [96, 55, 55]],
    ["96 x 55 x 55", [96, 55, 55]],
  ])("reads the shape %s", (text, dims) => {
    expect(parseShapeAnswer(text)).toEqual(dims);
  });

  it("reads floats, percentages and fractions", () => {
    expect(parseFloatAnswer("0.42")).toBe(0.42);
    expect(parseFloatAnswer(".42")).toBe(0.42);
    expect(parseFloatAnswer("42%")).toBe(0.42);
    expect(parseFloatAnswer("21/50")).toBe(0.42);
    expect(parseFloatAnswer("x")).toBeNull();
  });

  it("reads lists of integers with or without thousands separators", () => {
    expect(parseIntegerList("27,648; 50,176; 7")).toEqual([27648, 50176, 7]);
    expect(parseIntegerList("27,648, 50,176, 7")).toEqual([27648, 50176, 7]);
    expect(parseIntegerList("27648,50176,7")).toEqual([27648, 50176, 7]);
    expect(parseIntegerList("27648 50176 7")).toEqual([27648, 50176, 7]);
    expect(parseIntegerList("1,024")).toEqual([1024]);
  });
});

describe("checkAnswer", () => {
  const shape: ExpectedAnswer = { kind: "shape", dims: [96, 55, 55], layout: "C×H×W" };
  it("accepts a shape in the stated layout, with or without a batch of 1", () => {
    expect(checkAnswer(shape, "96x55x55").correct).toBe(true);
    expect(checkAnswer(shape, "[1, 96, 55, 55]").correct).toBe(true);
    const r = checkAnswer(shape, "55x55x96");
    expect(r.correct).toBe(false);
    expect(r.mistake?.code).toBe("layout");
  });

  it("accepts approximations only where allowed", () => {
    expect(
      checkAnswer({ kind: "integer", value: 61100840, allowApprox: true }, "61.1M").correct,
    ).toBe(true);
    expect(
      checkAnswer({ kind: "integer", value: 61100840, allowApprox: true }, "61.2M").correct,
    ).toBe(false);
    const r = checkAnswer({ kind: "integer", value: 61100840 }, "61.1M");
    expect(r.correct).toBe(false);
    expect(r.mistake?.code).toBe("approximation");
  });

  it("applies the float tolerance", () => {
    const e: ExpectedAnswer = { kind: "float", value: 0.1428, tolerance: 0.005 };
    expect(checkAnswer(e, "0.14").correct).toBe(true);
    expect(checkAnswer(e, "1/7").correct).toBe(true);
    expect(checkAnswer(e, "0.15").correct).toBe(false);
  });

  it("names a known mistake", () => {
    const r = checkAnswer({ kind: "integer", value: 34944 }, "34848", [
      { code: "bias_forgotten", message: "bias", expected: { kind: "integer", value: 34848 } },
    ]);
    expect(r).toEqual({
      correct: false,
      understood: "34848",
      mistake: { code: "bias_forgotten", message: "bias" },
    });
  });
});
