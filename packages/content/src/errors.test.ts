import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, isAppError, parseOrThrow } from "./errors.ts";
import { generateExercise, listGenerators } from "./exercises/registry.ts";

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

  it("is recognised when thrown by another copy of the module (the server loads it twice)", async () => {
    const specifier = "./errors.ts?second-copy";
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import("./errors.ts");
    expect(copy.AppError).not.toBe(AppError);
    const err = new copy.AppError("NOT_FOUND", "no such deck");
    expect(err instanceof AppError).toBe(false);
    expect(isAppError(err)).toBe(true);
    expect(isAppError(new Error("plain"))).toBe(false);
    expect(isAppError({ name: "AppError", code: "NOT_FOUND" })).toBe(false);
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

describe("message ids of validation failures", () => {
  const fail = (schema: Parameters<typeof parseOrThrow>[0], value: unknown) => {
    try {
      parseOrThrow(schema, value);
    } catch (e) {
      return e as AppError;
    }
    throw new Error("expected a failure");
  };

  it("takes a refinement's own key and params, else one by the kind of issue", () => {
    const slug = z.string().refine((s) => /^[a-z]{2,}$/.test(s), {
      message: "2+ letters",
      params: { key: "slugFormat", min: 2, max: 40 },
    });
    const e = fail(z.object({ slug }), { slug: "X" });
    expect([e.key, e.params, e.message]).toEqual([
      "slugFormat",
      { field: "slug", min: 2, max: 40 },
      "slug: 2+ letters",
    ]);
    const items = z.object({ items: z.array(z.string()).min(2), text: z.string().max(3) });
    expect(fail(items, { items: ["a"], text: "" }).params).toEqual({ field: "items", min: 2 });
    expect(fail(items, { items: ["a"], text: "" }).key).toBe("fieldTooFewItems");
    expect(fail(items, { items: ["a", "b"], text: "abcd" }).key).toBe("fieldTooLong");
    expect(fail(items, { text: "" }).key).toBe("fieldRequired");
    expect(fail(z.object({ n: z.number().int() }), { n: 1.5 }).key).toBe("fieldNotInteger");
    expect(fail(z.object({ r: z.enum(["a", "b"]) }), { r: "c" }).key).toBe("fieldInvalid");
  });
});

describe("message ids of exercise parameter errors (the editor's sample)", () => {
  it("names the parameter and its allowed values", () => {
    const gen = listGenerators().find((g) => g.params.includes("kernel"));
    if (!gen) throw new Error("no generator with a kernel parameter");
    const fail = (ranges: Record<string, unknown>) => {
      try {
        generateExercise(gen.name, { seed: 1, lang: "en", ranges: ranges as never });
      } catch (e) {
        return e as AppError;
      }
      throw new Error("expected a failure");
    };
    expect(fail({ nope: 3 })).toMatchObject({ key: "generatorNoParam", params: { name: "nope" } });
    const range = fail({ kernel: 100_000 });
    expect(range.key).toBe("paramIntRange");
    expect(range.params).toMatchObject({ name: "kernel" });
  });
});
