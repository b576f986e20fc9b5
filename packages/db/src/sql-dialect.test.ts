import { describe, expect, it } from "vitest";
import { likePattern } from "./sql-dialect.ts";

describe("likePattern", () => {
  it("escapes LIKE's wildcards and its escape character, so typed text is literal", () => {
    expect(likePattern("50%")).toBe("%50!%%");
    expect(likePattern("learning_rate")).toBe("%learning!_rate%");
    expect(likePattern("wow!")).toBe("%wow!!%");
    expect(likePattern("%_!")).toBe("%!%!_!!%");
    // A backslash is an ordinary character.
    expect(likePattern("C:\\temp")).toBe("%c:\\temp%");
  });

  it("lowers ASCII letters only", () => {
    expect(likePattern("ReLU")).toBe("%relu%");
    expect(likePattern("ΣÉ합성곱")).toBe("%ΣÉ합성곱%");
  });
});
