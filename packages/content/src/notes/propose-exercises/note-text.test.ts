import { describe, expect, it } from "vitest";
import {
  dimensionChains,
  integersIn,
  normalizeNoteText,
  numbersAfter,
  numbersBefore,
  squareSizes,
} from "./note-text.ts";

describe("normalizeNoteText", () => {
  it.each([
    ["3 * 3 conv", "3×3 conv"],
    ["1X1 Convolution", "1×1 convolution"],
    ["11 by 11 feature", "11×11 feature"],
    ["$3 \\times 3$", "$3×3$"],
    ["$1 \\times\\ 1$", "$1×1$"],
    ["$5 \\cdot 5 \\cdot 192$", "$5×5×192$"],
    ["73,728 and 61{,}100{,}840", "73728 and 61100840"],
    ["f = (1, 2, 3)", "f = (1, 2, 3)"],
    ["**Inception Block**", " inception block "],
    ["a -> b ==> c", "a → b → c"],
  ])("%s → %s", (input, output) => {
    expect(normalizeNoteText(input)).toBe(output);
  });

  it("keeps Korean and lowers only Latin letters", () => {
    expect(normalizeNoteText("VGG는 3x3 필터를 쌓는다")).toBe("vgg는 3×3 필터를 쌓는다");
  });
});

describe("numbers in normalized text", () => {
  const text = normalizeNoteText(
    "입력 32x32x3, 필터 5x5 6개, stride 1, padding: 2, 3×3×128×64 = 73,728",
  );

  it("finds chains and k×k sizes", () => {
    expect(dimensionChains(text)).toEqual([
      [32, 32, 3],
      [5, 5],
      [3, 3, 128, 64],
    ]);
    expect(squareSizes(dimensionChains(text))).toEqual([5, 3]);
    expect(squareSizes(dimensionChains(text), 40)).toEqual([32, 5, 3]);
  });

  it("reads numbers after and before keywords", () => {
    expect(numbersAfter(text, "stride")).toEqual([1]);
    expect(numbersAfter(text, "padding")).toEqual([2]);
    expect(numbersAfter("패딩을 2로", "패딩")).toEqual([2]);
    expect(numbersBefore("64 channels, 96개의 필터, 28×28 maps", "channels|필터|maps")).toEqual([
      64, 96,
    ]);
  });

  it("reads integers but not decimals", () => {
    expect(integersIn("k = 32, θ = 0.5, 73728")).toEqual([32, 73728]);
  });
});
