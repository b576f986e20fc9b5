import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, isAppError, parseOrThrow } from "./errors.ts";

describe("AppError", () => {
  it("keeps code, place and cause and maps to an HTTP status", () => {
    const cause = new Error("root");
    const err = new AppError("PARSE_ERROR", "bad front matter", { file: "a.md", line: 3, cause });
    expect(isAppError(err)).toBe(true);
    expect(err.code).toBe("PARSE_ERROR");
    expect(err.file).toBe("a.md");
    expect(err.line).toBe(3);
    expect(err.cause).toBe(cause);
    expect(err.httpStatus).toBe(400);
    expect(new AppError("NOT_FOUND", "x").httpStatus).toBe(404);
  });
});

describe("parseOrThrow", () => {
  const schema = z.object({ deck: z.object({ slug: z.string().min(2) }) });

  it("returns the parsed value", () => {
    expect(parseOrThrow(schema, { deck: { slug: "cnn" } })).toEqual({ deck: { slug: "cnn" } });
  });

  it("throws BAD_INPUT naming the first issue's field, with the zod error as cause", () => {
    let caught: unknown;
    try {
      parseOrThrow(schema, { deck: { slug: "x" } });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught)).toBe(true);
    const err = caught as AppError;
    expect(err.code).toBe("BAD_INPUT");
    expect(err.field).toBe("deck.slug");
    expect(err.message).toMatch(/^deck\.slug: /);
    expect(err.cause).toBeInstanceOf(z.ZodError);
  });

  it("names the fallback field when the issue has no path", () => {
    expect(() => parseOrThrow(z.string(), 3, "body")).toThrow(/^body: /);
  });
});
