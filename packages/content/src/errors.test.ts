import { describe, expect, it } from "vitest";
import { AppError, isAppError } from "./errors.ts";

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
